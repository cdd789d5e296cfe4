package de.foerderregister.cluster;

import de.foerderregister.cluster.RegistryClient.Answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The write load of one side, from every instance at once: applications created and submitted by a
 * state, decided, amended and paid, small CSV imports, and now and then one submitted application decided
 * by four FITKO requests on both instances at once (exactly one may win). Every request is recorded with
 * its instance, start time and answer; every acknowledged write is kept for the checks on the nodes.
 */
final class MixedLoad {

    static final int WORKERS_PER_INSTANCE = 7;
    private static final long RACE_EVERY_MS = 2_000;
    private static final long IMPORT_PAUSE_MS = 1_500;
    private static final int IMPORT_ROWS = 3;
    private static final int RACERS = 4;
    private static final String AMOUNT = "1000.00";

    enum Operation { CREATE, SUBMIT, DECIDE, RACE, AMEND, PAY, IMPORT }

    /** One request: which instance, what (null for a probe's read), when it started (ms after the load's start), how long it took, its answer. */
    record Request(String instance, Operation operation, long startedMs, long millis, Answer answer) {
    }

    /** What the registry acknowledged: the rows that must be on every node afterwards. */
    record Acknowledged(List<Long> applications, List<Long> decided, List<Long> amendments, List<Long> payments) {
    }

    /** One race: how many of its decisions won (200) and how the others were refused. */
    record Race(long applicationId, List<Answer> answers) {

        long winners() {
            return answers.stream().filter(Answer::ok).count();
        }
    }

    private final List<RegistryClient> instances;
    private final Accounts accounts;
    private final String side;
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Queue<Long> submitted = new ConcurrentLinkedQueue<>();
    private final Queue<Long> approved = new ConcurrentLinkedQueue<>();
    private final Queue<Long> amended = new ConcurrentLinkedQueue<>();
    private final Queue<Long> created = new ConcurrentLinkedQueue<>();
    private final Queue<Long> decided = new ConcurrentLinkedQueue<>();
    private final Queue<Long> amendments = new ConcurrentLinkedQueue<>();
    private final Queue<Long> payments = new ConcurrentLinkedQueue<>();
    private final Queue<Race> races = new ConcurrentLinkedQueue<>();
    private final LocalDate today = LocalDate.now();
    private long start;
    private long end;

    /** The tokens the load uses: a state's user per worker kind, two FITKO users that decide. */
    record Accounts(String state, List<String> importers, List<String> deciders) {
    }

    MixedLoad(String side, List<RegistryClient> instances, Accounts accounts) {
        this.side = side;
        this.instances = instances;
        this.accounts = accounts;
    }

    /** Runs the load for this long from now; {@code during} runs on the calling thread meanwhile (the outage). */
    void run(long millis, Runnable during) throws InterruptedException {
        start = System.nanoTime();
        end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        ExecutorService threads = Executors.newCachedThreadPool();
        for (int i = 0; i < instances.size(); i++) {
            RegistryClient instance = instances.get(i);
            for (int w = 0; w < WORKERS_PER_INSTANCE; w++) {
                int first = w;
                threads.execute(() -> work(instance, first));
            }
            int importer = i;
            threads.execute(() -> importFiles(instance, accounts.importers().get(importer)));
        }
        threads.execute(this::race);
        during.run();
        threads.shutdown();
        if (!threads.awaitTermination(millis + 60_000, TimeUnit.MILLISECONDS)) {
            threads.shutdownNow();
            throw new IllegalStateException("the load of " + side + " did not end");
        }
    }

    long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Race> races() {
        return List.copyOf(races);
    }

    Acknowledged acknowledged() {
        return new Acknowledged(List.copyOf(created), List.copyOf(decided), List.copyOf(amendments), List.copyOf(payments));
    }

    private boolean running() {
        return System.nanoTime() < end;
    }

    /** Creates most of the time; decides, amends and pays what earlier steps left in the queues. */
    private void work(RegistryClient instance, int first) {
        for (int step = first; running(); step++) {
            switch (step % 6) {
                case 3 -> decide(instance, submitted.poll());
                case 4 -> amend(instance, approved.poll());
                case 5 -> pay(instance, amended.poll());
                default -> submitNew(instance);
            }
        }
    }

    /** A new submitted application for the deciders. */
    private void submitNew(RegistryClient instance) {
        Long id = createAndSubmit(instance);
        if (id != null) {
            submitted.add(id);
        }
    }

    private Long createAndSubmit(RegistryClient instance) {
        Answer answer = record(instance, Operation.CREATE,
                () -> instance.post(accounts.state(), "/api/applications", application("Last " + side)));
        if (answer.status() != 201) {
            return null;
        }
        long id = answer.body().get("id").asLong();
        created.add(id);
        Answer submit = record(instance, Operation.SUBMIT,
                () -> instance.post(accounts.state(), "/api/applications/" + id + "/submit", Map.of()));
        return submit.ok() ? id : null;
    }

    private void decide(RegistryClient instance, Long id) {
        if (id == null) {
            submitNew(instance);
            return;
        }
        Answer answer = record(instance, Operation.DECIDE, () -> instance.post(accounts.deciders().get(0),
                "/api/applications/" + id + "/decision", decision()));
        if (answer.ok()) {
            decided.add(id);
            approved.add(id);
        }
    }

    /** A cut by 5 %: below the four-eyes threshold, so it takes effect at once. */
    private void amend(RegistryClient instance, Long id) {
        if (id == null) {
            decide(instance, submitted.poll());
            return;
        }
        Answer answer = record(instance, Operation.AMEND, () -> instance.post(accounts.deciders().get(1),
                "/api/applications/" + id + "/amendments", Map.of("newApprovedAmount", "950.00",
                        "reason", "Kürzung nach Prüfung", "body", "Abteilungsleiterrunde",
                        "meetingDate", today.toString(), "agendaItem", "TOP 9")));
        if (answer.status() == 201) {
            amendments.add(answer.body().get("amendment").get("id").asLong());
            amended.add(id);
        }
    }

    private void pay(RegistryClient instance, Long id) {
        if (id == null) {
            amend(instance, approved.poll());
            return;
        }
        Answer answer = record(instance, Operation.PAY, () -> instance.post(accounts.state(),
                "/api/applications/" + id + "/payments",
                Map.of("amount", "100.00", "year", today.getYear(), "purpose", "Mittelabruf " + side)));
        if (answer.status() == 201) {
            payments.add(answer.body().get("id").asLong());
        }
    }

    private void importFiles(RegistryClient instance, String importer) {
        for (int file = 0; running(); file++) {
            StringBuilder csv = new StringBuilder("title,owner_state,type,start_date,end_date,requested_amount_eur,status\n");
            for (int row = 0; row < IMPORT_ROWS; row++) {
                csv.append("Import ").append(side).append(' ').append(instance.base().replaceAll("\\D", ""))
                        .append('-').append(file).append('-').append(row).append(",SN,STD,")
                        .append(today.withDayOfYear(1)).append(',').append(today.withDayOfYear(1).plusYears(2).minusDays(1))
                        .append(",500.00,SUBMITTED\n");
            }
            Answer answer = record(instance, Operation.IMPORT, () -> instance.postCsv(importer,
                    "/api/imports/applications?fundingSource=DIGITALISATION_BUDGET", csv.toString()));
            if (answer.status() == 200) {
                answer.body().get("rows").forEach(row -> {
                    if ("CREATED".equals(row.path("status").asText())) {
                        created.add(row.get("id").asLong());
                    }
                });
            }
            pause(IMPORT_PAUSE_MS);
        }
    }

    /** Four decisions of one application at once, half on each instance, by both FITKO users. */
    private void race() {
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            while (running()) {
                Long id = createAndSubmit(instances.get(0));
                if (id != null) {
                    CountDownLatch gate = new CountDownLatch(1);
                    List<Future<Answer>> answers = new ArrayList<>();
                    for (int i = 0; i < RACERS; i++) {
                        RegistryClient instance = instances.get(i % instances.size());
                        String decider = accounts.deciders().get(i % 2);
                        answers.add(racers.submit(() -> {
                            gate.await();
                            return record(instance, Operation.RACE,
                                    () -> instance.post(decider, "/api/applications/" + id + "/decision", decision()));
                        }));
                    }
                    gate.countDown();
                    List<Answer> outcome = new ArrayList<>();
                    for (Future<Answer> answer : answers) {
                        outcome.add(answer.get());
                    }
                    races.add(new Race(id, outcome));
                    if (outcome.stream().anyMatch(Answer::ok)) {
                        decided.add(id);
                    }
                }
                pause(RACE_EVERY_MS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            racers.shutdown();
        }
    }

    private Answer record(RegistryClient instance, Operation operation, Supplier<Answer> call) {
        long startedMs = elapsedMs();
        Answer answer = call.get();
        requests.add(new Request(instance.base(), operation, startedMs, TimeUnit.NANOSECONDS.toMillis(answer.nanos()), answer));
        return answer;
    }

    private Map<String, Object> application(String title) {
        return Map.of("title", title, "ownerState", "SN", "type", "STANDARD", "fundingSource", "DIGITALISATION_BUDGET",
                "startDate", today.withDayOfYear(1).toString(),
                "endDate", today.withDayOfYear(1).plusYears(2).minusDays(1).toString(), "requestedAmount", AMOUNT);
    }

    private Map<String, Object> decision() {
        return Map.of("outcome", "APPROVED", "approvedAmount", AMOUNT, "body", "Abteilungsleiterrunde",
                "meetingDate", today.toString(), "agendaItem", "TOP 8", "kind", "RESOLUTION");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
