package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.NameSetter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.tes.operator.credentials.ApiKey;
import io.tes.operator.tenant.Tenant;
import io.tes.operator.tenantconfig.TenantConfigRenderer;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The Secret with the tenant's first API key: created once, never updated, so a reconcile never
 * rotates the key (deleting the Secret is how a person rotates it). It is read by name instead of
 * through an informer, so the operator needs only get and create on Secrets, never list or watch:
 * it cannot see the cluster's other Secrets.
 */
public class CredentialsSecretDependent implements DependentResource<Secret, Tenant>, NameSetter {
  public static final String API_KEY = "apiKey";
  public static final String CLIENT_ID = "clientId";
  private static final String HASH_KEY = CredentialsSecretDependent.class.getName() + ".hash";

  private final SecureRandom random = new SecureRandom();
  private volatile String name = DependentResource.defaultNameFor(CredentialsSecretDependent.class);

  @Override
  public void setName(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ReconcileResult<Secret> reconcile(Tenant tenant, Context<Tenant> context) {
    var secrets = context.getClient().secrets().inNamespace(Names.namespace(tenant));
    var existing = secrets.withName(Names.CREDENTIALS_SECRET).get();
    var result = ReconcileResult.noOperation(existing);
    if (existing == null) {
      try {
        existing = secrets.resource(newSecret(tenant)).create();
        result = ReconcileResult.resourceCreated(existing);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        // Someone (an earlier, interrupted reconcile) made it meanwhile: use theirs.
        existing = secrets.withName(Names.CREDENTIALS_SECRET).get();
        result = ReconcileResult.noOperation(existing);
      }
    }
    context.managedWorkflowAndDependentResourceContext().put(HASH_KEY, keyOf(existing).hash());
    return result;
  }

  /** The hash of the key, once this dependent has reconciled in the current reconcile. */
  public static String apiKeyHash(Context<Tenant> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(HASH_KEY, String.class);
  }

  @Override
  public Class<Secret> resourceType() {
    return Secret.class;
  }

  private Secret newSecret(Tenant tenant) {
    var key = ApiKey.generate(tenant.getMetadata().getName(), random);
    var secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(Names.CREDENTIALS_SECRET)
            .withNamespace(Names.namespace(tenant))
            .withLabels(Names.labels(tenant))
            .endMetadata()
            .withType("Opaque")
            .withData(
                Map.of(
                    API_KEY, base64(key.value()),
                    CLIENT_ID, base64(TenantConfigRenderer.BOOTSTRAP_CLIENT)))
            .build();
    secret.addOwnerReference(tenant);
    return secret;
  }

  private static ApiKey keyOf(Secret secret) {
    var data = secret.getData() == null ? null : secret.getData().get(API_KEY);
    if (data == null) {
      throw new IllegalStateException(
          "Secret "
              + secret.getMetadata().getNamespace()
              + "/"
              + Names.CREDENTIALS_SECRET
              + " has no "
              + API_KEY
              + " key; delete it to have a new key made");
    }
    return new ApiKey(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8));
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
