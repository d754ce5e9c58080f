package io.tes.dataplane.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.TestTenant;
import io.tes.dataplane.testing.Writers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Paging through events and things while writers keep appending: no item is skipped or repeated.
 * Events are keyed by position (gap-free, committed in whole groups), things by their id.
 */
class GraphqlPagingUnderWritesTest {
  @TempDir static Path dir;
  static TestTenant tenant = AsyncTenant.create("gp");
  static GraphqlPlane plane;
  static GraphqlClient graphql;

  @BeforeAll
  static void start() throws Exception {
    plane = GraphqlPlane.start(tenant, dir);
    graphql = new GraphqlClient(plane.http(), tenant.key("app"));
  }

  @AfterAll
  static void stop() throws Exception {
    plane.close();
  }

  @Test
  void pagesOfEventsAndThingsSkipAndRepeatNothingWhileWritesGoOn() throws Exception {
    try (var writers = new Writers(plane::http, tenant.key("app"), 11, 4, 0)) {
      while (writers.maxPosition() < 300) {
        Thread.sleep(20);
      }
      long headAtStart = head();
      // Things that exist before the walk starts and are never deleted by then or later: every
      // one of them must be seen exactly once. (Writers delete some things; those may vanish.)
      List<Long> positions = walkEvents();
      assertThat(positions).doesNotHaveDuplicates();
      assertThat(positions).isSorted();
      // Gap-free: every position from 1 to the last one seen, whatever was written meanwhile.
      assertThat(positions.getFirst()).isEqualTo(1);
      assertThat(positions).hasSize((int) (long) positions.getLast());
      assertThat(positions.getLast()).isGreaterThanOrEqualTo(headAtStart);

      // Anything the projection applies after this point may change what the walk sees.
      long projectedBeforeWalk =
          graphql
              .data("{ stats { projectedPosition } }")
              .path("stats")
              .path("projectedPosition")
              .asLong();
      Set<String> before = thingIdsInOnePage();
      List<String> walked = walkThings();
      assertThat(walked).doesNotHaveDuplicates().isSorted();
      Set<String> missing = new HashSet<>(before);
      missing.removeAll(walked);
      // Only a thing deleted during the walk may be missing from it (it may even have come back
      // since, when a later event of its subject merged into the tombstone).
      for (String id : missing) {
        JsonNode events =
            graphql
                .data(
                    "query($id: String!) { stream(subject: $id) { events(first: 500) {"
                        + " nodes { position type } } } }",
                    Map.of("id", id))
                .path("stream")
                .path("events")
                .path("nodes");
        boolean deletedDuringWalk = false;
        for (JsonNode event : events) {
          deletedDuringWalk |=
              event.path("type").asString().equals("thing.deleted")
                  && event.path("position").asLong() > projectedBeforeWalk;
        }
        assertThat(deletedDuringWalk).as(id + " was deleted during the walk").isTrue();
      }
      assertThat(writers.failures()).isZero();
    }
  }

  private long head() {
    return graphql.data("{ stats { headPosition } }").path("stats").path("headPosition").asLong();
  }

  private List<Long> walkEvents() throws InterruptedException {
    return walk("events", 37, "position", JsonNode::asLong);
  }

  /**
   * Walks a connection page by page, with short pauses so writers get in between, and collects one
   * field of every node.
   */
  private <T> List<T> walk(
      String connection, int pageSize, String field, Function<JsonNode, T> value)
      throws InterruptedException {
    var values = new ArrayList<T>();
    String after = null;
    do {
      var vars = new HashMap<String, Object>();
      vars.put("a", after);
      JsonNode page =
          graphql
              .data(
                  "query($a: String) { "
                      + connection
                      + "(first: "
                      + pageSize
                      + ", after: $a) { nodes { "
                      + field
                      + " } pageInfo { hasNextPage endCursor } } }",
                  vars)
              .path(connection);
      page.path("nodes").forEach(n -> values.add(value.apply(n.path(field))));
      after =
          page.path("pageInfo").path("hasNextPage").asBoolean()
              ? page.path("pageInfo").path("endCursor").asString()
              : null;
      Thread.sleep(5);
    } while (after != null);
    return values;
  }

  private Set<String> thingIdsInOnePage() {
    var ids = new HashSet<String>();
    graphql
        .data("{ things(first: 500) { nodes { id } } }")
        .path("things")
        .path("nodes")
        .forEach(n -> ids.add(n.path("id").asString()));
    return ids;
  }

  private List<String> walkThings() throws InterruptedException {
    return walk("things", 4, "id", JsonNode::asString);
  }
}
