package de.foerderregister.cluster;

import de.foerderregister.cluster.MixedLoad.Operation;
import de.foerderregister.cluster.MixedLoad.Race;
import de.foerderregister.cluster.MixedLoad.Request;
import de.foerderregister.cluster.RegistryClient.Answer;
import de.foerderregister.cluster.RegistryClient.ConflictCause;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The registry on a MariaDB Galera cluster under a mixed write load from two instances on different
 * nodes, one node killed in the middle and started again — side by side with the same load on one
 * server. Run by {@code .ci/galera}, which starts the nodes and instances and passes them as system
 * properties ({@code -Pgalera -Dtest=GaleraScenario}); skipped without them.
 *
 * <p>It fails when any request answers 5xx (except 503s of the instance on the killed node while it is
 * down), a 409 comes from anything but the status rule of a racing decision, a request goes unanswered,
 * a race has other than one winner, an acknowledged write is missing on a node, the nodes' tables differ,
 * a file number repeats, the audit chain does not verify through an instance on each node, the instance
 * on the killed node takes more than 5 s to answer or does not recover, or the node does not rejoin.
 */
class GaleraScenario {

    private static final long LOAD_MS = Long.getLong("galera.load.seconds", 60) * 1000;
    private static final long KILL_AT_MS = LOAD_MS / 3;
    private static final long RESTART_AT_MS = LOAD_MS * 7 / 12;
    private static final long ANSWER_WITHIN_MS = 5_000;
    private static final long PROBE_EVERY_MS = 200;
    private static final long REJOIN_WITHIN_MS = 90_000;
    private static final long CONVERGE_WITHIN_MS = 60_000;

    private final String adminPassword = System.getProperty("galera.admin.password");
    private final String scrapeToken = System.getProperty("galera.scrape.token");
    private final List<String> failures = new ArrayList<>();

    @Test
    void clusterNextToOneServer() throws Exception {
        assumeTrue(System.getProperty("galera.cluster.instances") != null, "started by .ci/galera only");
        Result single = run(side("single"));
        Result cluster = run(side("cluster"));
        print(single, cluster);
        assertTrue(failures.isEmpty(), "Galera scenario failed:\n  " + String.join("\n  ", failures));
    }

    /** One side's instances, nodes, the instances that verify the chain on each node, and the outage if any. */
    private record Side(String name, List<RegistryClient> instances, Nodes nodes, List<RegistryClient> verifiers,
                        Optional<Outage> outage) {
    }

    private record Outage(int node, RegistryClient instance, String kill, String start) {
    }

    /** When the node was killed, started and synced again (ms after the load's start), and the probes of the instance on it. */
    private record OutageLog(long killedAtMs, long startedAtMs, Long syncedAtMs, List<Request> probes) {
    }

    /**
     * What the outage showed. The instance on the killed node may answer 503 from the kill until the node
     * is synced again (the window): its pool fails over at once, but a connection it still held to the
     * node, or took from it while it rejoined, fails its request. {@code first503Ms} and
     * {@code servingAgainMs} count from the kill; {@code slowestMs} is its slowest answer in the window.
     */
    private record OutageTimes(long killedAtMs, long windowEndMs, Long first503Ms, Long servingAgainMs,
                               Long rejoinedMs, long slowestMs) {

        static OutageTimes of(OutageLog log, String victim, List<Request> requests, long loadMs) {
            long windowEnd = log.syncedAtMs() == null ? loadMs : log.syncedAtMs();
            List<Request> answers = new ArrayList<>(log.probes());
            requests.stream().filter(r -> r.instance().equals(victim)).forEach(answers::add);
            List<Request> window = answers.stream().filter(r -> answered(r) >= log.killedAtMs() && r.startedMs() <= windowEnd)
                    .sorted(Comparator.comparingLong(OutageTimes::answered)).toList();
            Long first503 = window.stream().filter(r -> r.answer().status() == 503).findFirst()
                    .map(r -> answered(r) - log.killedAtMs()).orElse(null);
            Long servingAgain = first503 == null ? null : window.stream()
                    .filter(r -> r.answer().ok() && r.startedMs() >= log.killedAtMs() + first503)
                    .findFirst().map(r -> answered(r) - log.killedAtMs()).orElse(null);
            long slowest = window.stream().mapToLong(Request::millis).max().orElse(0);
            return new OutageTimes(log.killedAtMs(), windowEnd, first503, servingAgain,
                    log.syncedAtMs() == null ? null : log.syncedAtMs() - log.startedAtMs(), slowest);
        }

        private static long answered(Request request) {
            return request.startedMs() + request.millis();
        }
    }

    private record Result(String name, int nodes, List<Request> requests, List<Race> races, long retries,
                          Map<String, Long> galeraCounters, Optional<OutageTimes> outage) {
    }

    private static Side side(String name) {
        Function<String, List<String>> list = key -> Arrays.stream(System.getProperty("galera." + name + "." + key, "")
                .split(",")).filter(s -> !s.isBlank()).toList();
        List<RegistryClient> instances = list.apply("instances").stream().map(RegistryClient::new).toList();
        List<String> verifiers = list.apply("verifiers");
        Optional<Outage> outage = Optional.ofNullable(System.getProperty("galera." + name + ".kill")).map(kill ->
                new Outage(Integer.getInteger("galera." + name + ".victim"),
                        new RegistryClient(System.getProperty("galera." + name + ".victim.instance")), kill,
                        System.getProperty("galera." + name + ".start")));
        return new Side(name, instances,
                new Nodes(list.apply("nodes"), System.getProperty("galera." + name + ".db.user"),
                        System.getProperty("galera." + name + ".db.password", "")),
                verifiers.isEmpty() ? instances : verifiers.stream().map(RegistryClient::new).toList(), outage);
    }

    private Result run(Side side) throws Exception {
        RegistryClient first = side.instances().get(0);
        String admin = first.login("admin", adminPassword);
        String password = "Galera-" + UUID.randomUUID();
        for (String[] user : new String[][]{{"land.sn", "STATE"}, {"import.sn.1", "STATE"}, {"import.sn.2", "STATE"},
                {"fitko.a", "FITKO"}, {"fitko.b", "FITKO"}}) {
            Map<String, Object> account = new LinkedHashMap<>(Map.of("username", user[0], "password", password, "role", user[1]));
            if (user[1].equals("STATE")) {
                account.put("state", "SN");
            }
            Answer created = first.post(admin, "/api/users", account);
            if (created.status() != 201) {
                throw new IllegalStateException("user " + user[0] + ": " + created.status() + " " + created.body());
            }
        }
        MixedLoad load = new MixedLoad(side.name(), side.instances(), new MixedLoad.Accounts(
                first.login("land.sn", password),
                List.of(first.login("import.sn.1", password), first.login("import.sn.2", password)),
                List.of(first.login("fitko.a", password), first.login("fitko.b", password))));
        String fitko = first.login("fitko.a", password);
        long retriesBefore = retries(side);
        Map<String, Long> countersBefore = galeraCounters(side.nodes());
        OutageLog[] outage = new OutageLog[1];
        Map<String, Long> victimBeforeKill = new LinkedHashMap<>();
        load.run(LOAD_MS, () -> side.outage().ifPresent(o -> outage[0] = outage(side, o, load, fitko, victimBeforeKill)));
        long retries = retries(side) - retriesBefore;

        if (!await(CONVERGE_WITHIN_MS, side.nodes()::converged)) {
            failures.add(side.name() + ": the nodes did not converge within " + CONVERGE_WITHIN_MS / 1000 + " s");
        }
        Map<String, Long> counters = galeraCounters(side.nodes());
        countersBefore.forEach((key, before) -> counters.merge(key, -before, Long::sum));
        // the killed node counts from its restart: add what it had counted up to the kill
        victimBeforeKill.forEach((key, atKill) -> counters.merge(key, atKill, Long::sum));

        Optional<OutageTimes> times = side.outage().map(o -> OutageTimes.of(outage[0], o.instance().base(),
                load.requests(), LOAD_MS));
        Result result = new Result(side.name(), side.nodes().size(), load.requests(), load.races(), retries, counters,
                times);
        checkAnswers(side, result);
        checkNodes(side, load.acknowledged());
        for (RegistryClient verifier : side.verifiers()) {
            Answer verdict = verifier.get(fitko, "/api/audit/verify");
            if (!verdict.body().path("intact").asBoolean(false)) {
                failures.add(side.name() + ": the audit chain does not verify through " + verifier.base() + ": "
                        + verdict.status() + " " + verdict.body());
            }
        }
        return result;
    }

    /**
     * Kills the node at a third of the load, probes the instance on it, starts the node again and waits
     * until it is synced. Runs on the load's calling thread.
     */
    private OutageLog outage(Side side, Outage outage, MixedLoad load, String token, Map<String, Long> victimBeforeKill) {
        sleepUntil(load, KILL_AT_MS);
        int node = outage.node() - 1;
        victimBeforeKill.putAll(Map.of(counterKey(node, "wsrep_local_cert_failures"),
                side.nodes().counter(node, "wsrep_local_cert_failures"),
                counterKey(node, "wsrep_local_bf_aborts"), side.nodes().counter(node, "wsrep_local_bf_aborts")));
        // taken before the kill: the node dies while the script still runs, and an answer in that moment is the outage's
        long killedAt = load.elapsedMs();
        shell(outage.kill());
        List<Request> probes = new ArrayList<>();
        while (load.elapsedMs() < RESTART_AT_MS) {
            long sent = load.elapsedMs();
            Answer probe = outage.instance().get(token, "/api/applications?size=1");
            probes.add(new Request(outage.instance().base(), null, sent, TimeUnit.NANOSECONDS.toMillis(probe.nanos()), probe));
            sleepQuietly(PROBE_EVERY_MS);
        }
        shell(outage.start());
        long startedAt = load.elapsedMs();
        boolean rejoined = await(REJOIN_WITHIN_MS, () -> side.nodes().status(node, "wsrep_local_state_comment")
                .filter("Synced"::equals).isPresent());
        return new OutageLog(killedAt, startedAt, rejoined ? load.elapsedMs() : null, probes);
    }

    private void checkAnswers(Side side, Result result) {
        Optional<OutageTimes> outage = result.outage();
        String victim = side.outage().map(o -> o.instance().base()).orElse(null);
        long windowEnd = outage.map(OutageTimes::windowEndMs).orElse(-1L);
        // one line per kind of refusal, with its count and first example, not one per request
        Map<String, List<String>> refused = new LinkedHashMap<>();
        for (Request request : result.requests()) {
            int status = request.answer().status();
            boolean inOutage = outage.isPresent() && request.instance().equals(victim)
                    && request.startedMs() + request.millis() >= outage.get().killedAtMs() && request.startedMs() <= windowEnd;
            String example = request.instance() + " at " + request.startedMs() + " ms after " + request.millis() + " ms";
            String kind = null;
            if (status == RegistryClient.NO_ANSWER) {
                kind = "no answer";
            } else if (status >= 500 && !(status == 503 && inOutage)) {
                kind = status + (inOutage ? "" : " outside the killed node's outage");
            } else if (status == 503 && request.millis() > ANSWER_WITHIN_MS) {
                kind = "503 slower than " + ANSWER_WITHIN_MS + " ms";
            } else if (status == 409 && (request.operation() != Operation.RACE
                    || request.answer().conflictCause() != ConflictCause.STATUS_MOVE)) {
                kind = "409 " + request.answer().conflictCause();
            } else if (status >= 400 && status != 409 && status != 503) {
                kind = status + " " + request.answer().body();
            }
            if (kind != null) {
                refused.computeIfAbsent(request.operation() + " answered " + kind, k -> new ArrayList<>()).add(example);
            }
        }
        refused.forEach((kind, examples) -> failures.add(side.name() + ": " + examples.size() + " × " + kind
                + ", first " + examples.get(0)));
        for (Race race : result.races()) {
            boolean refusedByOutage = race.answers().stream().anyMatch(answer -> answer.status() == 503);
            if (race.winners() > 1 || race.winners() == 0 && !refusedByOutage) {
                failures.add(side.name() + ": the race for application " + race.applicationId() + " had "
                        + race.winners() + " winners");
            }
        }
        outage.ifPresent(o -> {
            if (o.first503Ms() != null && o.first503Ms() > ANSWER_WITHIN_MS) {
                failures.add(side.name() + ": the instance on the killed node answered 503 only after " + o.first503Ms() + " ms");
            }
            if (o.first503Ms() != null && o.servingAgainMs() == null) {
                failures.add(side.name() + ": the instance on the killed node did not serve again while the node was out");
            }
            if (o.rejoinedMs() == null) {
                failures.add(side.name() + ": the killed node did not rejoin within " + REJOIN_WITHIN_MS / 1000 + " s");
            }
        });
    }

    private void checkNodes(Side side, MixedLoad.Acknowledged acknowledged) throws Exception {
        Nodes nodes = side.nodes();
        Map<String, String> reference = null;
        for (int i = 0; i < nodes.size(); i++) {
            String node = side.name() + " node " + (i + 1);
            for (Object[] check : new Object[][]{{"funding_application", "id", acknowledged.applications()},
                    {"decision", "application_id", acknowledged.decided()},
                    {"amendment", "id", acknowledged.amendments()}, {"payment", "id", acknowledged.payments()}}) {
                @SuppressWarnings("unchecked") List<Long> ids = (List<Long>) check[2];
                List<Long> missing = nodes.missing(i, (String) check[0], (String) check[1], ids);
                if (!missing.isEmpty()) {
                    failures.add(node + " lacks " + missing.size() + " acknowledged " + check[0] + " rows, e.g. " + missing.get(0));
                }
            }
            long duplicates = nodes.duplicateReferences(i);
            if (duplicates != 0) {
                failures.add(node + ": " + duplicates + " file numbers repeat");
            }
            Map<String, String> contents = nodes.contents(i);
            if (reference == null) {
                reference = contents;
            } else {
                for (Map.Entry<String, String> table : reference.entrySet()) {
                    if (!table.getValue().equals(contents.get(table.getKey()))) {
                        failures.add(node + ": table " + table.getKey() + " has " + contents.get(table.getKey())
                                + ", node 1 " + table.getValue());
                    }
                }
            }
        }
    }

    /** {@code registry.transaction.retries} summed over the side's instances, from their Prometheus scrape. */
    private long retries(Side side) {
        long sum = 0;
        for (RegistryClient instance : side.instances()) {
            String scrape = instance.text(scrapeToken, "/prometheus");
            if (scrape == null) {
                failures.add(side.name() + ": " + instance.base() + "/prometheus did not answer");
                continue;
            }
            sum += scrape.lines().filter(line -> line.startsWith("registry_transaction_retries_total"))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        }
        return sum;
    }

    private static Map<String, Long> galeraCounters(Nodes nodes) {
        Map<String, Long> counters = new LinkedHashMap<>();
        if (nodes.galera()) {
            for (int i = 0; i < nodes.size(); i++) {
                for (String variable : List.of("wsrep_local_cert_failures", "wsrep_local_bf_aborts")) {
                    counters.put(counterKey(i, variable), nodes.counter(i, variable));
                }
            }
        }
        return counters;
    }

    private static String counterKey(int node, String variable) {
        return "node " + (node + 1) + " " + variable.replace("wsrep_local_", "");
    }

    // --- the summary ----------------------------------------------------------------------------

    private void print(Result single, Result cluster) {
        StringBuilder table = new StringBuilder("\n== Galera scenario: " + LOAD_MS / 1000 + " s of mixed writes from "
                + MixedLoad.WORKERS_PER_INSTANCE + " workers and an importer per instance, two instances\n");
        row(table, "", single.name() + " (1 server)", cluster.name() + " (" + cluster.nodes() + " nodes)");
        row(table, "writes acknowledged", acknowledged(single), acknowledged(cluster));
        for (Operation operation : Operation.values()) {
            row(table, "  " + operation.name().toLowerCase() + " (2xx of all)", count(single, operation), count(cluster, operation));
        }
        row(table, "writes/s", rate(single), rate(cluster));
        row(table, "write p50 / p99 ms (2xx)", percentiles(single), percentiles(cluster));
        row(table, "409 racing decision (rule)", conflicts(single, ConflictCause.STATUS_MOVE), conflicts(cluster, ConflictCause.STATUS_MOVE));
        row(table, "409 retries exhausted", conflicts(single, ConflictCause.RETRIES_EXHAUSTED), conflicts(cluster, ConflictCause.RETRIES_EXHAUSTED));
        row(table, "409 other", conflicts(single, ConflictCause.OTHER), conflicts(cluster, ConflictCause.OTHER));
        row(table, "5xx (503 of the killed node's instance)", serverErrors(single), serverErrors(cluster));
        row(table, "races (one winner each)", races(single), races(cluster));
        row(table, "retries (registry.transaction.retries)", String.valueOf(single.retries()), String.valueOf(cluster.retries()));
        row(table, "cert failures / BF aborts", counters(single), counters(cluster));
        row(table, "first 503 of the killed node's instance", outage(single, o -> ms(o.first503Ms())), outage(cluster, o -> ms(o.first503Ms())));
        row(table, "its first 2xx after a 503", outage(single, o -> ms(o.servingAgainMs())), outage(cluster, o -> ms(o.servingAgainMs())));
        row(table, "its slowest answer until the node synced", outage(single, o -> o.slowestMs() + " ms"), outage(cluster, o -> o.slowestMs() + " ms"));
        row(table, "node synced after its start", outage(single, o -> ms(o.rejoinedMs())), outage(cluster, o -> ms(o.rejoinedMs())));
        cluster.galeraCounters().forEach((key, value) -> row(table, "  " + key, "", String.valueOf(value)));
        table.append(failures.isEmpty() ? "all checks passed\n" : failures.size() + " checks failed\n");
        System.out.println(table);
    }

    private static void row(StringBuilder table, String label, String single, String cluster) {
        table.append(String.format("%-42s %-22s %-22s%n", label, single, cluster));
    }

    private static List<Request> writes(Result result) {
        return result.requests().stream().filter(request -> request.answer().ok()).toList();
    }

    private static String acknowledged(Result result) {
        return writes(result).size() + " of " + result.requests().size();
    }

    private static String count(Result result, Operation operation) {
        List<Request> of = result.requests().stream().filter(request -> request.operation() == operation).toList();
        return of.stream().filter(request -> request.answer().ok()).count() + " of " + of.size();
    }

    private static String rate(Result result) {
        return String.format("%.1f", writes(result).size() * 1000.0 / LOAD_MS);
    }

    private static String percentiles(Result result) {
        long[] millis = writes(result).stream().mapToLong(Request::millis).sorted().toArray();
        if (millis.length == 0) {
            return "–";
        }
        return millis[millis.length / 2] + " / " + millis[(int) Math.min(millis.length - 1, Math.ceil(millis.length * 0.99) - 1)];
    }

    private static String conflicts(Result result, ConflictCause cause) {
        return String.valueOf(result.requests().stream().filter(request -> request.answer().status() == 409
                && request.answer().conflictCause() == cause).count());
    }

    private static String serverErrors(Result result) {
        long all = result.requests().stream().filter(request -> request.answer().status() >= 500).count();
        long unavailable = result.requests().stream().filter(request -> request.answer().status() == 503).count();
        return all + " (" + unavailable + " × 503)";
    }

    private static String races(Result result) {
        return result.races().size() + " (" + result.races().stream().filter(race -> race.winners() == 1).count() + ")";
    }

    private static String counters(Result result) {
        if (result.galeraCounters().isEmpty()) {
            return "– (no wsrep)";
        }
        long cert = result.galeraCounters().entrySet().stream().filter(e -> e.getKey().endsWith("cert_failures"))
                .mapToLong(Map.Entry::getValue).sum();
        long aborts = result.galeraCounters().entrySet().stream().filter(e -> e.getKey().endsWith("bf_aborts"))
                .mapToLong(Map.Entry::getValue).sum();
        return cert + " / " + aborts;
    }

    private static String outage(Result result, Function<OutageTimes, String> what) {
        return result.outage().map(what).orElse("–");
    }

    private static String ms(Long millis) {
        return millis == null ? "never" : millis + " ms";
    }

    // --- waiting and commands -------------------------------------------------------------------

    private static boolean await(long millis, BooleanSupplier condition) {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleepQuietly(500);
        }
        return condition.getAsBoolean();
    }

    private static void sleepUntil(MixedLoad load, long atMs) {
        long wait = atMs - load.elapsedMs();
        if (wait > 0) {
            sleepQuietly(wait);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a command the script passed (kill or start a node), bounded to 15 s. */
    private static void shell(String command) {
        try {
            Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
            if (!process.waitFor(15, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + command + "' failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
