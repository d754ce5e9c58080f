package io.tes.dataplane.graphql.http;

import java.util.Locale;

/**
 * The media types a GraphQL response can be sent as, chosen from the Accept header as the GraphQL
 * over HTTP spec asks: {@code application/graphql-response+json} when the client names it, plain
 * {@code application/json} for legacy clients, for wildcards and for no Accept at all.
 */
enum ResponseType {
  GRAPHQL_RESPONSE("application/graphql-response+json"),
  JSON("application/json");

  private final String mediaType;

  ResponseType(String mediaType) {
    this.mediaType = mediaType;
  }

  String contentType() {
    return mediaType + "; charset=utf-8";
  }

  /** The type to answer with, or null when the client accepts neither (406). */
  static ResponseType negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return JSON;
    }
    Match graphql = new Match(0, 0);
    Match json = new Match(0, 0);
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = quality(parts);
      graphql = graphql.better(specificity(type, GRAPHQL_RESPONSE.mediaType), q);
      json = json.better(specificity(type, JSON.mediaType), q);
    }
    if (graphql.q <= 0 && json.q <= 0) {
      return null;
    }
    if (graphql.q != json.q) {
      return graphql.q > json.q ? GRAPHQL_RESPONSE : JSON;
    }
    // Equal preference: a client that names graphql-response+json gets it; wildcards get JSON.
    return graphql.specificity == 3 ? GRAPHQL_RESPONSE : JSON;
  }

  /** How a media range matches a type: 3 exactly, 2 by subtype wildcard, 1 by any, 0 not. */
  private static int specificity(String range, String type) {
    if (range.equals(type)) {
      return 3;
    }
    if (range.equals("application/*")) {
      return 2;
    }
    return range.equals("*/*") ? 1 : 0;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  /** The most specific matching range decides the quality of a type (RFC 9110, 12.5.1). */
  private record Match(int specificity, double q) {
    Match better(int candidateSpecificity, double candidateQ) {
      return candidateSpecificity > specificity
          ? new Match(candidateSpecificity, candidateQ)
          : this;
    }
  }
}
