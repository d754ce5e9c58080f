package io.tes.dataplane.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.testing.Http.Reply;

/** Checks a data plane's things against an expected fold, over HTTP. */
public final class Projections {
  private Projections() {}

  public static void assertEquals(Http http, String key, Fold fold, long position) {
    assertThat(fold.things()).isNotEmpty();
    fold.things()
        .forEach(
            (subject, expected) -> {
              Reply reply =
                  http.get(
                      "/v1/things/" + subject + "?position=" + position + "&timeoutMs=30000", key);
              if (expected.deleted()) {
                assertThat(reply.status()).as(subject + " " + reply).isEqualTo(410);
              } else {
                assertThat(reply.status()).as(subject + " " + reply).isEqualTo(200);
                assertThat(reply.json().path("state")).as(subject).isEqualTo(expected.state());
              }
              assertThat(reply.json().path("version").asLong())
                  .as(subject)
                  .isEqualTo(expected.version());
            });
  }
}
