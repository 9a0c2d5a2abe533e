package io.teamsmeet.benchmarks;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.feign.Transport;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Cold start: fresh JVMs to the first meeting, classes loaded, runtime classpath size. */
final class ColdStart {

  private ColdStart() {}

  /** Jars of core + Feign adapter (java.net.http) and their dependencies, by file name prefix. */
  static final List<String> SDK_JARS =
      List.of(
          "teams-core-",
          "teams-feign-adapter-",
          "feign-core-",
          "jackson-",
          "tink-",
          "protobuf-java-",
          "gson-",
          "error_prone_annotations-",
          "jsr305-",
          "caffeine-",
          "jspecify-");

  static final List<String> RAW_JARS =
      List.of("jackson-databind-", "jackson-core-", "jackson-annotations-");

  /**
   * The Microsoft Graph SDK 6.69's runtime jars (its own {@code mvn dependency:list}: 44 jars),
   * plus slf4j-nop, the binding a user adds so that SLF4J does not warn on stderr.
   */
  static final List<String> GRAPH_JARS =
      List.of(
          "annotations-13",
          "azure-core-",
          "azure-json-",
          "azure-xml-",
          "error_prone_annotations-",
          "failureaccess-",
          "gson-",
          "guava-",
          "j2objc-annotations-",
          "jackson-annotations-",
          "jackson-core-",
          "jackson-databind-",
          "jackson-datatype-jsr310-",
          "jakarta.annotation-api-",
          "jjwt-",
          "jspecify-",
          "jwks-rsa-",
          "kotlin-stdlib",
          "listenablefuture-",
          "microsoft-graph-",
          "microsoft-kiota-",
          "okhttp-",
          "okio",
          "opentelemetry-",
          "reactive-streams-",
          "reactor-core-",
          "slf4j-api-",
          "stax-api-",
          "std-uritemplate-",
          "slf4j-nop-");

  static void run(FakeEndpoints fake, KeysetHandle keys, int runs) throws Exception {
    Path target = targetDir();
    Path classes = target.resolve("classes");
    List<Path> all = new ArrayList<>();
    for (String s :
        Files.readString(target.resolve("runtime.classpath")).trim().split(File.pathSeparator)) {
      all.add(Path.of(s));
    }
    List<Path> sdkJars = select(all, SDK_JARS, List.of());
    List<Path> sdkRun = new ArrayList<>(sdkJars);
    sdkRun.addAll(select(all, List.of("teams-tokenstore-memory-"), List.of()));
    List<Path> jdbcSet = new ArrayList<>(sdkJars);
    jdbcSet.addAll(select(all, List.of("teams-tokenstore-jdbc-"), List.of()));
    List<Path> okSet = new ArrayList<>(jdbcSet);
    okSet.addAll(select(all, List.of("okhttp-", "okio", "kotlin-stdlib"), List.of()));
    List<Path> rawJars = select(all, RAW_JARS, List.of());
    List<Path> graphJars = select(all, GRAPH_JARS, List.of());
    List<Path> msalJars = new ArrayList<>(graphJars);
    msalJars.addAll(select(all, List.of("msal4j-"), List.of()));

    Path dir = storedGrant(fake, keys);

    // MSAL4J's token cache for the same user, as a backend persists it; the access token expires
    // within MSAL's 5-minute margin, so the first acquireTokenSilently refreshes (like the SDK's
    // run)
    fake.tlsTokenLifetimeSeconds = 60;
    Path msalCache = dir.resolve("msal-cache.json");
    {
      com.microsoft.aad.msal4j.ConfidentialClientApplication app =
          Msal.msal(fake.tlsAuthority(), fake.clientTlsContext().getSocketFactory()).build();
      Msal.signIn(app, "cold-user");
      Files.writeString(msalCache, app.tokenCache().serialize());
    }

    String base = fake.base().toString();
    List<String> sdkCmd =
        command(classes, sdkRun, ColdStartSdk.class.getName(), base, dir.toString());
    List<String> rawCmd =
        command(classes, rawJars, ColdStartRaw.class.getName(), base, FakeEndpoints.ACCESS_TOKEN);
    List<String> graphCmd =
        command(
            classes, graphJars, ColdStartGraph.class.getName(), base, FakeEndpoints.ACCESS_TOKEN);
    List<String> msalCmd =
        command(
            classes,
            msalJars,
            ColdStartMsalGraph.class.getName(),
            base,
            fake.tlsAuthority(),
            fake.trustStore().toString(),
            msalCache.toString());

    System.out.printf(
        "%n== Cold start: a fresh JVM (java %s, default flags) to the first meeting"
            + " against the fake, %d runs each, interleaved ==%n",
        System.getProperty("java.version"), runs);
    long t0 = fake.tokenCalls();
    List<Double> sdkMs = new ArrayList<>();
    List<Double> rawMs = new ArrayList<>();
    List<Double> graphMs = new ArrayList<>();
    List<Double> msalMs = new ArrayList<>();
    time(rawCmd); // page cache warm-up, not counted
    time(sdkCmd);
    time(graphCmd);
    time(msalCmd);
    long tls0 = fake.tlsTokenCalls();
    t0 = fake.tokenCalls() - tls0;
    for (int r = 0; r < runs; r++) {
      sdkMs.add(time(sdkCmd));
      rawMs.add(time(rawCmd));
      graphMs.add(time(graphCmd));
      msalMs.add(time(msalCmd));
    }
    long msalTokenCalls = fake.tlsTokenCalls() - tls0;
    long sdkTokenCalls = fake.tokenCalls() - fake.tlsTokenCalls() - t0;
    Map<String, Integer> sdkClasses = classes(sdkCmd, dir);
    Map<String, Integer> rawClasses = classes(rawCmd, dir);
    Map<String, Integer> graphClasses = classes(graphCmd, dir);
    Map<String, Integer> msalClasses = classes(msalCmd, dir);
    fake.tlsTokenLifetimeSeconds = 3600;

    System.out.println();
    System.out.println(
        "| client | cold start to 1st meeting, median ms (runs) | ratio | classes loaded"
            + " | runtime classpath |");
    System.out.println("| --- | ---: | ---: | ---: | --- |");
    double raw = EndToEnd.median(rawMs);
    double sdkMedian = EndToEnd.median(sdkMs);
    System.out.printf(
        Locale.ROOT,
        "| raw java.net.http + Jackson, static token | %.0f %s | 1.00 | %,d | %s |%n",
        raw,
        fmt(rawMs),
        rawClasses.get("total"),
        size(rawJars));
    System.out.printf(
        Locale.ROOT,
        "| SDK (java.net.http), stored sealed grant: Tink open + refresh + create"
            + " | %.0f %s | %.2f× (target ≤ 1.15×) | %,d | %s (core + adapter + memory store) |%n",
        sdkMedian,
        fmt(sdkMs),
        sdkMedian / raw,
        sdkClasses.get("total"),
        size(sdkRun));
    double graph = EndToEnd.median(graphMs);
    double msal = EndToEnd.median(msalMs);
    System.out.printf(
        Locale.ROOT,
        "| Microsoft Graph SDK 6, static token (no token call) | %.0f %s | %.2f× | %,d | %s |%n",
        graph,
        fmt(graphMs),
        graph / raw,
        graphClasses.get("total"),
        size(graphJars));
    System.out.printf(
        Locale.ROOT,
        "| MSAL4J + Graph SDK, persisted token cache: silent refresh (HTTPS) + create"
            + " | %.0f %s | %.2f× | %,d | %s |%n",
        msal,
        fmt(msalMs),
        msal / raw,
        msalClasses.get("total"),
        size(msalJars));
    System.out.printf(
        "(token-endpoint calls during the timed runs: SDK %d, MSAL4J %d, in %d runs"
            + " each; MSAL4J's refresh goes over TLS because it refuses a plain-HTTP authority, so its"
            + " figure includes a TLS handshake the others do not pay)%n",
        sdkTokenCalls, msalTokenCalls, runs);
    System.out.printf(
        Locale.ROOT,
        "SDK against the peers: cold start %.2f× the Graph SDK's and"
            + " %.2f× MSAL4J + Graph's; classes loaded %.2f× and %.2f×%n",
        sdkMedian / graph,
        sdkMedian / msal,
        sdkClasses.get("total") / (double) graphClasses.get("total"),
        sdkClasses.get("total") / (double) msalClasses.get("total"));
    System.out.println();
    System.out.println(
        "Runtime classpath, core + Feign adapter + JDBC store (java.net.http transport): "
            + size(jdbcSet)
            + "; with the OkHttp transport added: "
            + size(okSet));
    System.out.println();
    System.out.println(
        "| classes loaded, by library | raw floor | SDK | Graph SDK | MSAL4J + Graph SDK |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    TreeMap<String, Integer> keysSorted = new TreeMap<>();
    for (Map<String, Integer> m : List.of(rawClasses, sdkClasses, graphClasses, msalClasses)) {
      m.forEach((k, v) -> keysSorted.merge(k, v, Integer::sum));
    }
    for (String k : keysSorted.keySet()) {
      // libraries with few classes in every run are folded into "other (small)"
      if (!k.equals("total") && (!k.startsWith("other: ") || keysSorted.get(k) >= 40)) {
        System.out.printf(
            "| %s | %,d | %,d | %,d | %,d |%n",
            k,
            rawClasses.getOrDefault(k, 0),
            sdkClasses.getOrDefault(k, 0),
            graphClasses.getOrDefault(k, 0),
            msalClasses.getOrDefault(k, 0));
      }
    }
    int[] small = new int[4];
    List<Map<String, Integer>> runsByColumn =
        List.of(rawClasses, sdkClasses, graphClasses, msalClasses);
    for (String k : keysSorted.keySet()) {
      if (k.startsWith("other: ") && keysSorted.get(k) < 40) {
        for (int i = 0; i < 4; i++) {
          small[i] += runsByColumn.get(i).getOrDefault(k, 0);
        }
      }
    }
    System.out.printf(
        "| other (small) | %,d | %,d | %,d | %,d |%n", small[0], small[1], small[2], small[3]);
    System.out.printf(
        "| total | %,d | %,d | %,d | %,d |%n",
        rawClasses.get("total"),
        sdkClasses.get("total"),
        graphClasses.get("total"),
        msalClasses.get("total"));
  }

  /**
   * A directory holding the sealed grant of "cold-user" (connected through the real flow against
   * the fake), its version and the keyset, for the child JVMs.
   */
  static Path storedGrant(FakeEndpoints fake, KeysetHandle keys) throws Exception {
    Path dir = tempDirectory("teams-cold");
    fake.delayMs = 0;
    fake.tokenDelayMs = 0;
    fake.tokenLifetimeSeconds(3600);
    InMemoryTokenStore store = new InMemoryTokenStore();
    try (TeamsMeetings sdk =
        Clients.sdk(
            fake,
            Transport.jdk(),
            store,
            keys,
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            null)) {
      Clients.connect(sdk, "cold-user");
    }
    StoredGrant grant = store.load("cold-user").orElseThrow();
    Files.write(dir.resolve("grant.bin"), grant.ciphertext());
    Files.writeString(dir.resolve("version"), Long.toString(grant.version()));
    Files.writeString(
        dir.resolve("keyset.json"),
        TinkJsonProtoKeysetFormat.serializeKeyset(keys, InsecureSecretKeyAccess.get()));
    return dir;
  }

  /**
   * A new temporary directory, deleted with what it holds when this JVM exits (normally or on
   * SIGTERM), so that runs leave no grants or keysets behind in the temporary directory.
   */
  static Path tempDirectory(String prefix) throws java.io.IOException {
    Path dir = Files.createTempDirectory(prefix);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
                    all.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
                  } catch (java.io.IOException | RuntimeException e) {
                    // best effort
                  }
                },
                "delete-" + dir.getFileName()));
    return dir;
  }

  /** The SDK's runtime jars (core, adapter, memory store and their dependencies). */
  static List<Path> sdkRuntime() throws Exception {
    List<Path> all = new ArrayList<>();
    for (String s :
        Files.readString(targetDir().resolve("runtime.classpath"))
            .trim()
            .split(File.pathSeparator)) {
      all.add(Path.of(s));
    }
    List<Path> sdkRun = select(all, SDK_JARS, List.of());
    sdkRun.addAll(select(all, List.of("teams-tokenstore-memory-"), List.of()));
    return sdkRun;
  }

  static String fmt(List<Double> ms) {
    StringBuilder sb = new StringBuilder("(");
    for (double d : ms) {
      sb.append(sb.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.0f", d));
    }
    return sb.append(")").toString();
  }

  static String size(List<Path> jars) throws Exception {
    long bytes = 0;
    for (Path p : jars) {
      bytes += Files.size(p);
    }
    return String.format(Locale.ROOT, "%.1f MB, %d jars", bytes / 1048576.0, jars.size());
  }

  static List<Path> select(List<Path> all, List<String> prefixes, List<String> excluded) {
    List<Path> out = new ArrayList<>();
    for (Path p : all) {
      String name = p.getFileName().toString();
      if (prefixes.stream().anyMatch(name::startsWith)
          && excluded.stream().noneMatch(name::startsWith)) {
        out.add(p);
      }
    }
    return out;
  }

  static List<String> command(Path classes, List<Path> jars, String main, String... args) {
    StringBuilder cp = new StringBuilder(classes.toString());
    for (Path p : jars) {
      cp.append(File.pathSeparator).append(p);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(cp.toString());
    cmd.add(main);
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Milliseconds from starting the JVM to its first line of output (the meeting). */
  static double time(List<String> cmd) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String line;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      line = r.readLine();
      double ms = (System.nanoTime() - t0) / 1e6;
      if (line == null || !line.startsWith("OK")) {
        StringBuilder rest = new StringBuilder(String.valueOf(line));
        for (String l; (l = r.readLine()) != null; ) {
          rest.append('\n').append(l);
        }
        throw new IllegalStateException("cold start failed: " + rest);
      }
      p.waitFor();
      return ms;
    }
  }

  static Map<String, Integer> classes(List<String> cmd, Path dir) throws Exception {
    Path log = dir.resolve("classload-" + System.nanoTime() + ".log");
    List<String> c = new ArrayList<>(cmd);
    c.add(1, "-Xlog:class+load=info:file=" + log);
    time(c);
    Map<String, Integer> counts = new LinkedHashMap<>();
    int total = 0;
    for (String line : Files.readAllLines(log)) {
      int i = line.indexOf("] ");
      if (i < 0) {
        continue;
      }
      String rest = line.substring(line.lastIndexOf("] ") + 2);
      String name = rest.split(" ")[0];
      counts.merge(library(name), 1, Integer::sum);
      total++;
    }
    counts.put("total", total);
    return counts;
  }

  static String library(String cls) {
    String[][] groups = {
      {"io.teamsmeet.benchmarks.", "benchmark main class"},
      {"io.teamsmeet.", "this SDK (io.teamsmeet)"},
      {"feign.", "Feign"},
      {"com.fasterxml.jackson.", "Jackson"},
      {"com.google.crypto.tink.", "Tink"},
      {"com.google.protobuf.", "protobuf"},
      {"com.google.gson.", "Gson"},
      {"com.github.benmanes.caffeine.", "Caffeine"},
      {"com.microsoft.graph.", "Graph SDK (com.microsoft.graph)"},
      {"com.microsoft.kiota.", "Kiota"},
      {"com.microsoft.aad.msal4j.", "MSAL4J"},
      {"com.azure.", "azure-core/json/xml"},
      {"okhttp3.", "OkHttp"},
      {"okio.", "Okio"},
      {"kotlin.", "Kotlin stdlib"},
      {"com.google.common.", "Guava"},
      {"io.opentelemetry.", "OpenTelemetry"},
      {"reactor.", "Reactor"},
      {"javax.net.ssl.", "JDK: TLS"},
      {"sun.security.ssl.", "JDK: TLS"},
      {"java.net.http.", "JDK: java.net.http"},
      {"jdk.internal.net.http.", "JDK: java.net.http"},
      {"javax.crypto.", "JDK: crypto"},
      {"com.sun.crypto.", "JDK: crypto"},
      {"sun.security.", "JDK: crypto"},
      {"java.security.", "JDK: crypto"},
    };
    for (String[] g : groups) {
      if (cls.startsWith(g[0])) {
        return g[1];
      }
    }
    if (cls.startsWith("java.")
        || cls.startsWith("jdk.")
        || cls.startsWith("sun.")
        || cls.startsWith("com.sun.")
        || cls.startsWith("javax.")) {
      return "JDK: other";
    }
    return "other: " + cls.replaceAll("^((?:[^.]+\\.){2}).*", "$1");
  }

  static Path targetDir() throws Exception {
    Path loc = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return loc.getParent(); // target/benchmarks.jar or target/classes
  }
}
