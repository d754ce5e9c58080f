package io.tes.dataplane.testing;

/** The tenant the async tests share: replace and delete reducers chosen by type suffix. */
public final class AsyncTenant {
  private AsyncTenant() {}

  public static TestTenant create(String name) {
    var tenant = new TestTenant(name);
    tenant.addKey("app", "ingest", "read", "admin");
    tenant.with(
        """
        durability: os
        projection:
          reducers:
            - {type: "*.replaced", mode: replace}
            - {type: "*.deleted", mode: delete}
        """);
    return tenant;
  }
}
