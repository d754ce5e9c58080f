package io.tes.operator.testing;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operator's Helm chart, rendered with helm-java (Helm's own Go code, in process). */
public final class Chart {
  public static final String RELEASE = "tes";
  private final KubernetesSerialization serialization = new KubernetesSerialization();

  public static java.nio.file.Path path() {
    return Repo.path("charts/tes-operator");
  }

  /** Renders the templates (not crds/) and parses each document into a Fabric8 model object. */
  public List<HasMetadata> render(String namespace, Map<String, Object> values) {
    var template = new Helm(path()).template().withName(RELEASE).withNamespace(namespace);
    values.forEach(template::set);
    return parse(template.call());
  }

  public List<HasMetadata> parse(String yaml) {
    var objects = new ArrayList<HasMetadata>();
    for (var document : yaml.split("(?m)^---\\s*$")) {
      if (document.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) {
        continue;
      }
      objects.add(serialization.unmarshal(document, HasMetadata.class));
    }
    return objects;
  }

  public static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
