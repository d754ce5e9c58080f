package io.tes.bench.baseline;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.tes.bench.dataplane.BenchEvents;
import io.tes.bench.env.NatsServer;
import io.tes.bench.env.ProcessStats;
import io.tes.bench.load.Client;
import io.tes.bench.load.LoadSpec;
import io.tes.bench.load.Pacing;
import io.tes.bench.report.Row;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Raw JetStream publish of the same 1 KB events into a file-backed stream on a local nats-server:
 * synchronous (wait for each ack; one client, then as many clients as the TES saturation run) and
 * asynchronous (one publisher keeping a window of acks outstanding). Note that nats-server 2.9
 * acknowledges before fsync, so its durability is closer to TES {@code os} than to {@code fsync}.
 */
public final class JetStreamBaseline implements AutoCloseable {
  private static final String SUBJECT = "bench.events";
  private static final int ASYNC_WINDOW = 1_000;

  private final Connection connection;
  private final JetStream jetStream;
  private final long serverPid;

  private JetStreamBaseline(Connection connection, long serverPid) throws Exception {
    this.connection = connection;
    this.jetStream = connection.jetStream();
    this.serverPid = serverPid;
  }

  public static JetStreamBaseline connect(NatsServer server) throws Exception {
    Connection connection = Nats.connect(Options.builder().server(server.url()).build());
    connection
        .jetStreamManagement()
        .addStream(
            StreamConfiguration.builder()
                .name("BENCH")
                .subjects("bench.>")
                .storageType(StorageType.File)
                .build());
    return new JetStreamBaseline(connection, server.pid());
  }

  public List<BaselineRun> runs(
      BenchEvents events, Duration warmup, Duration duration, int clients) {
    return List.of(
        sync(events, 1, warmup, duration),
        sync(events, clients, warmup, duration),
        new BaselineRun(
            key("jetstream.async", "async publish, window of " + ASYNC_WINDOW),
            observer ->
                new AsyncPublisher(jetStream, ASYNC_WINDOW).run(events, warmup, duration, observer),
            this::serverCpu));
  }

  private BaselineRun sync(BenchEvents events, int clients, Duration warmup, Duration duration) {
    Client.Factory publishers = () -> () -> jetStream.publish(SUBJECT, bytes(events));
    return BaselineRun.of(
        key("jetstream.sync." + clients + "c", "sync publish (wait for each ack)"),
        LoadSpec.of(new Pacing.ClosedLoop(clients), warmup, duration),
        publishers,
        this::serverCpu);
  }

  static byte[] bytes(BenchEvents events) {
    return events.next().json().getBytes(StandardCharsets.UTF_8);
  }

  static String subject() {
    return SUBJECT;
  }

  private Duration serverCpu() {
    return ProcessStats.cpuTime(serverPid);
  }

  private static Row.Key key(String id, String variant) {
    return new Row.Key(id, "baseline", "JetStream (jnats)", variant, "os", "msgs/s");
  }

  @Override
  public void close() throws InterruptedException {
    connection.close();
  }
}
