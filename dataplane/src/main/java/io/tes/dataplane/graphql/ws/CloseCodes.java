package io.tes.dataplane.graphql.ws;

/** The close codes of the graphql-transport-ws protocol. */
final class CloseCodes {
  static final int INTERNAL_ERROR = 4500;
  static final int BAD_REQUEST = 4400;
  static final int UNAUTHORIZED = 4401;
  static final int FORBIDDEN = 4403;
  static final int SUBPROTOCOL_NOT_ACCEPTABLE = 4406;
  static final int INIT_TIMEOUT = 4408;
  static final int SUBSCRIBER_EXISTS = 4409;
  static final int TOO_MANY_INITS = 4429;

  private CloseCodes() {}
}
