package io.tes.dataplane.config;

import java.util.List;

/**
 * Enrichment of events: local embeddings and a remote model endpoint.
 *
 * @param embeddings whether text embeddings are computed
 * @param embeddingFields JSON pointers of the state fields that are embedded
 * @param modelEndpoint base URL of an OpenAI-compatible endpoint, or null
 * @param modelName model to ask at that endpoint
 * @param apiKeyFile file holding that endpoint's key
 */
public record EnrichmentSettings(
    Boolean embeddings,
    List<String> embeddingFields,
    String modelEndpoint,
    String modelName,
    String apiKeyFile) {
  public static final EnrichmentSettings DEFAULT =
      new EnrichmentSettings(null, null, null, null, null);

  public EnrichmentSettings {
    embeddings = embeddings != null && embeddings;
    embeddingFields = embeddingFields == null ? List.of() : List.copyOf(embeddingFields);
  }
}
