package io.tes.dataplane.graphql;

/**
 * The stable codes in {@code extensions.code} of TES GraphQL errors; clients switch on them, so a
 * code is never renamed.
 */
public enum ErrorCode {
  /** The HTTP request is not a GraphQL request (malformed JSON, a parameter of the wrong type). */
  BAD_REQUEST,
  /** The document does not parse. */
  GRAPHQL_PARSE_FAILED,
  /** The document is not valid against the schema. */
  GRAPHQL_VALIDATION_FAILED,
  /** The operation name names no operation, or several operations need one. */
  OPERATION_NOT_FOUND,
  /** A variable or argument has a value the field cannot take. */
  BAD_USER_INPUT,
  UNAUTHENTICATED,
  FORBIDDEN,
  METHOD_NOT_ALLOWED,
  NOT_ACCEPTABLE,
  UNSUPPORTED_MEDIA_TYPE,
  PAYLOAD_TOO_LARGE,
  MAX_DEPTH_EXCEEDED,
  MAX_COST_EXCEEDED,
  PAGE_SIZE_EXCEEDED,
  INTROSPECTION_DISABLED,
  /** Subscriptions are served over WebSocket only. */
  SUBSCRIPTION_OVER_HTTP,
  TIMEOUT,
  /** The projection has not reached the position a read asked to wait for. */
  PROJECTION_BEHIND,
  UNAVAILABLE,
  INTERNAL_ERROR
}
