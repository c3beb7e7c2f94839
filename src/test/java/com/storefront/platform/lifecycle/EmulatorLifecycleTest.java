package com.storefront.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storefront.platform.config.DisasterRecoveryConfig;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.MasterPassword;
import com.storefront.platform.config.NetworkConfig;
import com.storefront.platform.database.DatabaseOutput;
import com.storefront.platform.review.PlanReader;
import com.storefront.platform.review.PlanReview;
import com.storefront.platform.review.ResourceChange;
import com.storefront.platform.review.StackPlanner;
import com.storefront.platform.deployment.Layer;
import com.storefront.platform.terraform.Terraform;
import com.storefront.platform.testing.CdktfCli;
import com.storefront.platform.testing.EmulatedEnvironment;
import com.storefront.platform.testing.TestStacks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Operates an environment end to end against an AWS emulator (moto) of its own, as a user would: deploy both
 * stacks with {@code cdktf deploy}, plan again (nothing to do), read the outputs, review an in-place change,
 * a disruptive one and changes the guard must block, apply the in-place change (plan again: nothing), where nothing
 * is protected scale reads out by a replica and back in, rotate the master password, and tear down: dev at once,
 * prod once its refused destroy deleted nothing and its protection was lifted. Dev and prod run at the same time,
 * each with its own emulator, since almost all their time is the AWS provider waiting.
 *
 * <p>What the emulator cannot vouch for is in the README; its defects are worked around only in
 * {@code src/test/emulator/storefront_moto.py}.
 */
@Tag("emulator")
// Alone, not beside the Terraform-heavy classes: on 2 cores they starve the emulator, whose late answers the AWS
// provider's SDK then retries, and the lifecycle's timings would measure the other classes.
@Isolated
class EmulatorLifecycleTest {

    private static final Path ROOT = Path.of("target", "emulator");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUMP = "bump the password";
    private static final String CHANGE = "apply the in-place change";
    private static final String LIFT = "lift the protection";
    private static final String SCALE_OUT = "scale reads out";
    private static final String SCALE_IN = "scale reads back in";
    /** The primary among a stack's aws_db_instance resources: the one that is no replica, made new or from a snapshot. */
    private static final Predicate<JsonNode> PRIMARY = r -> r.has("username") || r.has("snapshot_identifier");

    @Test
    // Twice its usual time: a hung emulator or provider fails the run instead of holding CI until its own limit.
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void operatesDevAndProdEndToEndSideBySide() {
        concurrently(() -> operates("dev"), () -> operates("prod"));
    }

    private static void operates(String name) {
        EnvironmentConfig environment = TestStacks.environment(name);
        Timings timings = new Timings(name);
        try (EmulatedEnvironment env = EmulatedEnvironment.start(environment, ROOT.resolve(name))) {
            Inventory pristine = Inventory.of(env);

            Path deployed = timings.time("synth", () -> env.synthesize("deployed", environment));
            // Synthesis is CPU work, the deploy mostly the provider waiting: the changed variants the steps after it
            // plan are synthesized meanwhile.
            AtomicReference<Variants> synthesized = new AtomicReference<>();
            concurrently(
                    () -> deploysTheNetworkThenTheDatabaseInOneCommand(env, deployed, timings),
                    () -> synthesized.set(Variants.synthesize(env)));
            Variants variants = synthesized.get();
            // Each of these only reads or plans what is deployed, so they run side by side.
            timings.time("checks of what stands, re-plans, three reviews", () -> concurrently(
                    () -> publishesOutputsThatMatchTheAppliedInstancesAndKeepsThePasswordOutOfState(env, deployed),
                    () -> copiesBackupsToTheDisasterRecoveryVaultInItsRegion(env, deployed),
                    () -> poolsTheWriterAndRunsTheRolesScriptOnTheBastion(env, deployed),
                    () -> plansNothingMoreAfterTheDeploy(env, deployed, Layer.NETWORK),
                    () -> plansNothingMoreAfterTheDeploy(env, deployed, Layer.DATABASE),
                    () -> passesAnInPlaceChangeShowingTheUpdate(env, variants.inPlace()),
                    () -> warnsAboutARenameAndANewInstanceClassWithoutBlockingThem(env, variants.disruptive()),
                    () -> blocksEveryChangeThatWouldReplaceOrDeleteProtectedData(env, variants.protectedData())));
            Path changed = timings.time(CHANGE, () -> appliesTheInPlaceChangeWhereItWasReviewed(env, variants.inPlace(), timings));
            if (variants.scaledOut() != null) {
                timings.time(SCALE_OUT, () -> addsAReplicaInAZoneOfItsOwnTouchingNothingThatStands(env, variants.scaledOut(), timings));
                timings.time(SCALE_IN, () -> deletesTheReplicaOnceAcknowledgedAndOnlyIt(env, changed, timings));
            }
            AtomicReference<PlannedBump> bump = new AtomicReference<>();
            timings.time("re-plan after the change, password bump plan", () -> concurrently(
                    () -> plansNothingMoreAfterTheDeploy(env, changed, Layer.DATABASE),
                    () -> bump.set(plansAPasswordBumpOfThePrimaryAndTheSecretAndNothingElse(env, variants.passwordBump()))));
            Path bumped = timings.time(BUMP, () -> appliesThePasswordBumpToTheInstanceAndTheSecret(env, bump.get(), timings));
            timings.time("re-plan", () -> plansNothingMoreAfterTheDeploy(env, bumped, Layer.DATABASE));
            Path torn = bumped;
            if (environment.database().protect()) {
                // Both only plan against what stands: the review of retiring need not wait for the refused destroy.
                timings.time("refused destroy beside the review of retiring", () -> concurrently(
                        () -> refusesToDestroyAndDeletesNothing(env, bumped, timings),
                        () -> blocksLiftingTheProtectionUntilAcknowledged(env, variants.retired())));
                torn = timings.time(LIFT, () -> liftsEveryProtection(env, variants.retired(), timings));
            }
            destroysBothStacksInOneCommandLeavingNothing(env, torn, pristine, timings);
        }
        timings.print(ROOT.resolve(name).resolve("waits-lifecycle.log"));
    }

    /**
     * The environment changed as the steps after the deploy plan it, each synthesized into a directory of its own:
     * alarm and retention tweaks (in place, then applied), a larger class (disruptive), a renamed master user
     * (protected data, with more edits made to its JSON by the step), on top of the applied tweaks the next master
     * password version and, where the environment is protected, that with every protection lifted (null elsewhere);
     * where it is not, the tweaks with one more read replica (null elsewhere: there, deleting a replica is refused).
     */
    private record Variants(Path inPlace, Path disruptive, Path protectedData, Path passwordBump, Path retired, Path scaledOut) {

        static Variants synthesize(EmulatedEnvironment env) {
            EnvironmentConfig environment = env.environment();
            String larger = environment.database().instanceClass().burstable() ? "db.t4g.large" : "db.r6g.xlarge";
            EnvironmentConfig tweaked = environment.withDatabase(d -> d
                    .observability(o -> o.alarms(a -> a.cpuPercent(70)))
                    .backups(b -> b.retentionDays(environment.database().backups().retentionDays() + 3)));
            MasterPassword.WriteOnly current = (MasterPassword.WriteOnly) environment.database().credentials().masterPassword();
            EnvironmentConfig bumped = tweaked.withDatabase(d -> d.credentials(c -> c.masterPassword(new MasterPassword.WriteOnly(current.version() + 1))));
            return new Variants(
                    env.synthesize("in-place", tweaked),
                    env.synthesize("disruptive", environment.withDatabase(d -> d.instanceClass(larger).replicaInstanceClass(larger))),
                    env.synthesize("protected", environment.withDatabase(d -> d.credentials(c -> c.masterUsername("storefront_owner")))),
                    env.synthesize("rotated", bumped),
                    environment.database().protect() ? env.synthesize("retired", unprotected(bumped)) : null,
                    environment.database().protect() ? null
                            : env.synthesize("scaled-out", tweaked.withDatabase(d -> d.readReplicas(environment.database().readReplicas() + 1))));
        }

        /** {@code environment} as retiring it takes: the database and the flow logs no longer protected. */
        private static EnvironmentConfig unprotected(EnvironmentConfig environment) {
            NetworkConfig n = environment.network();
            return new EnvironmentConfig(environment.name(), environment.tier(), environment.region(), environment.accountId(),
                    environment.stateBackend(), new NetworkConfig(n.vpcCidr(), n.availabilityZones(), n.publicSubnets(),
                            n.applicationSubnets(), n.databaseSubnets(), n.natGateways(), n.flowLogRetentionDays(), false),
                    environment.database()).withDatabase(d -> d.protect(false));
        }
    }

    /** What the emulator holds in the environment's region and, where it has one, its disaster-recovery region. */
    private record Inventory(List<String> here, List<String> recoveryRegion) {

        static Inventory of(EmulatedEnvironment env) {
            DisasterRecoveryConfig recovery = env.environment().database().backups().disasterRecovery();
            return new Inventory(env.inventory(), recovery == null ? List.of() : env.inventory(recovery.region()));
        }
    }

    /** Runs {@code steps} at the same time and fails with the first failure, the others added to it. */
    private static void concurrently(Runnable... steps) {
        ExecutorService pool = Executors.newFixedThreadPool(steps.length);
        try {
            List<Future<?>> running = Arrays.stream(steps).<Future<?>>map(pool::submit).toList();
            Throwable first = null;
            for (Future<?> step : running) {
                try {
                    step.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    } else {
                        first.addSuppressed(e.getCause());
                    }
                }
            }
            if (first instanceof Error error) {
                throw error;
            }
            if (first instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (first != null) {
                throw new IllegalStateException(first);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void deploysTheNetworkThenTheDatabaseInOneCommand(EmulatedEnvironment env, Path outdir, Timings timings) {
        String network = Layer.NETWORK.stackId(env.environment());
        String database = Layer.DATABASE.stackId(env.environment());

        CdktfCli.Run deploy = timings.time("deploy", () -> env.cdktf(outdir, "deploy", network, database));

        assertEquals(0, deploy.exitCode(), () -> "cdktf deploy failed:\n" + deploy.output());
        assertFalse(deploy.span(database).start().isBefore(deploy.span(network).end()),
                () -> "the database stack started before the network stack was applied:\n" + deploy.output());
        timings.record("  apply " + network, deploy.span(network).duration());
        timings.record("  apply " + database, deploy.span(database).duration());
        timings.providerWaited("deploy", deploy.resourceOperations());
    }

    private static void plansNothingMoreAfterTheDeploy(EmulatedEnvironment env, Path outdir, Layer layer) {
        Path stack = env.stack(outdir, layer);

        Terraform.Result plan = env.terraform(stack, "plan", "-detailed-exitcode", "-input=false", "-no-color", "-lock=false");

        assertEquals(0, plan.exitCode(), () -> "the plan after deploying " + stack.getFileName()
                + " is not empty (a perpetual diff):\n" + plan.stdout() + plan.stderr());
    }

    /**
     * Where the environment has disaster-recovery backups: the vault of the copies (and its key) stand in the
     * disaster-recovery region, not the environment's, and each rule of the plan backing up the primary copies there
     * for its retention. moto runs no backup jobs, so no recovery point is ever copied here.
     */
    private static void copiesBackupsToTheDisasterRecoveryVaultInItsRegion(EmulatedEnvironment env, Path outdir) {
        DisasterRecoveryConfig recovery = env.environment().database().backups().disasterRecovery();
        if (recovery == null) {
            return;
        }
        JsonNode outputs = env.outputs(env.stack(outdir, Layer.DATABASE));
        String vaultName = outputs.path(DatabaseOutput.DISASTER_RECOVERY_VAULT_NAME.outputName()).path("value").asText();
        String vaultArn = outputs.path(DatabaseOutput.DISASTER_RECOVERY_VAULT_ARN.outputName()).path("value").asText();
        String plan = "storefront-" + env.environment().name() + "-postgres-dr";

        List<String> there = env.inventory(recovery.region());
        List<String> here = env.inventory();

        assertEquals(recovery.region(), outputs.path(DatabaseOutput.DISASTER_RECOVERY_REGION.outputName()).path("value").asText());
        assertTrue(vaultArn.startsWith("arn:aws:backup:" + recovery.region() + ":"), vaultArn);
        assertTrue(there.contains("backup:vault:" + vaultName), () -> "no recovery vault in " + recovery.region() + ": " + there);
        assertFalse(here.contains("backup:vault:" + vaultName), () -> "the recovery vault is in the environment's region: " + here);
        assertTrue(there.stream().anyMatch(line -> line.startsWith("kms:key:")), () -> "no recovery key in " + recovery.region() + ": " + there);
        assertTrue(here.contains("backup:copy:" + plan + ":daily:" + vaultArn + ":" + recovery.dailyRetentionDays()), here::toString);
        assertTrue(here.contains("backup:copy:" + plan + ":monthly:" + vaultArn + ":" + recovery.monthlyRetentionDays()), here::toString);
        assertTrue(here.contains("backup:selection:" + plan + ":storefront-" + env.environment().name() + "-postgres-primary"), here::toString);
    }

    /**
     * Where the environment has them: the RDS Proxy stands with TLS required and the primary as its only target, and
     * the roles document is associated with the bastion at its latest version. moto runs nothing on instances, so the
     * script itself is proven on real PostgreSQL servers, not here.
     */
    private static void poolsTheWriterAndRunsTheRolesScriptOnTheBastion(EmulatedEnvironment env, Path outdir) {
        String prefix = "storefront-" + env.environment().name();
        List<String> here = env.inventory();
        JsonNode outputs = env.outputs(env.stack(outdir, Layer.DATABASE));

        if (env.environment().database().proxy().enabled()) {
            assertTrue(here.contains("rds:proxy:" + prefix + "-postgres-proxy:tls=True"), here::toString);
            assertEquals(List.of("rds:proxy-target:" + prefix + "-postgres-proxy:" + prefix + "-postgres"),
                    here.stream().filter(line -> line.startsWith("rds:proxy-target:")).toList(), "the primary only");
        }
        if (env.environment().database().access().bastion()) {
            String bastion = outputs.path(DatabaseOutput.BASTION_INSTANCE_ID.outputName()).path("value").asText();
            assertTrue(here.contains("ssm:document:" + prefix + "-database-roles"), here::toString);
            assertEquals(List.of("ssm:association:" + prefix + "-database-roles:" + prefix + "-database-roles:1:" + bastion),
                    here.stream().filter(line -> line.startsWith("ssm:association:")).toList(), "the roles script on the bastion");
        }
    }

    private static void publishesOutputsThatMatchTheAppliedInstancesAndKeepsThePasswordOutOfState(EmulatedEnvironment env, Path outdir) {
        Path stack = env.stack(outdir, Layer.DATABASE);
        JsonNode outputs = env.outputs(stack);
        List<JsonNode> instances = stateInstances(env.stateFile(Layer.DATABASE), "aws_db_instance");
        String primaryIdentifier = "storefront-" + env.environment().name() + "-postgres";

        for (DatabaseOutput output : DatabaseOutput.values()) {
            boolean expected = switch (output) {
                case REPLICA_CONNECT_POLICY_ARN -> env.environment().database().readReplicas() > 0;
                case BASTION_INSTANCE_ID, SSM_PORT_FORWARD_COMMAND -> env.environment().database().access().bastion();
                case PROXY_ENDPOINT -> env.environment().database().proxy().enabled();
                case BACKUP_PLAN_ID, DISASTER_RECOVERY_REGION, DISASTER_RECOVERY_VAULT_NAME, DISASTER_RECOVERY_VAULT_ARN,
                        DISASTER_RECOVERY_KEY_ARN -> env.environment().database().backups().disasterRecovery() != null;
                default -> true;
            };
            JsonNode value = outputs.path(output.outputName()).path("value");
            assertEquals(expected, !value.isNull() && !value.isMissingNode(), () -> output + " in the outputs: " + outputs);
        }
        JsonNode primary = instances.stream().filter(i -> i.path("identifier").asText().equals(primaryIdentifier)).findFirst().orElseThrow();
        assertEquals(primary.path("address").asText(), outputs.path(DatabaseOutput.WRITER_ENDPOINT.outputName()).path("value").asText(),
                outputs::toString);
        replicasStandAsPublished(env, instances, outputs, env.environment().database().readReplicas());

        String secretArn = outputs.path(DatabaseOutput.MASTER_SECRET_ARN.outputName()).path("value").asText();
        String password = parse(env.secretValue(secretArn)).path("password").asText();
        assertTrue(password.length() >= 32, "the secret holds the generated password");
        if (env.environment().database().credentials().rotationDays() != null) {
            // Rotation is switched on with an immediate first rotation: AWSCURRENT is the function's version now,
            // and the version Terraform wrote is AWSPREVIOUS (the re-plan, run next, must leave it so).
            String written = stateInstances(env.stateFile(Layer.DATABASE), "aws_secretsmanager_secret_version").get(0).path("version_id").asText();
            JsonNode stages = env.secretVersionStages(secretArn);
            assertEquals("[\"AWSPREVIOUS\"]", stages.path(written).toString(), () -> "the first rotation did not run: " + stages);
            assertEquals(2, stages.size(), stages::toString);
        }
        for (Layer layer : Layer.values()) {
            String state = readString(env.stateFile(layer));
            assertFalse(state.contains(password), layer + " state contains the master password");
            assertEquals(List.of(), passwordValues(readJson(env.stateFile(layer)), ""), layer + " state holds password values");
        }
    }

    /**
     * The replicas among a database stack's applied {@code instances}: {@code expected} of them, in zones of their own,
     * exactly the stack's published reader endpoints, and with every instance held by the emulator.
     */
    private static List<JsonNode> replicasStandAsPublished(EmulatedEnvironment env, List<JsonNode> instances, JsonNode outputs, int expected) {
        Set<String> readers = new TreeSet<>();
        outputs.path(DatabaseOutput.READER_ENDPOINTS.outputName()).path("value").forEach(r -> readers.add(r.asText()));
        List<JsonNode> replicas = instances.stream().filter(i -> !i.path("replicate_source_db").asText().isEmpty()).toList();
        assertEquals(expected, replicas.size(), instances::toString);
        assertEquals(new TreeSet<>(replicas.stream().map(r -> r.path("address").asText()).toList()), readers, outputs::toString);
        assertEquals(replicas.size(), new HashSet<>(replicas.stream().map(r -> r.path("availability_zone").asText()).toList()).size(),
                () -> "replicas share a zone: " + replicas);
        List<String> inventory = env.inventory();
        instances.forEach(i -> assertTrue(inventory.contains("rds:db-instance:" + i.path("identifier").asText()), inventory::toString));
        return replicas;
    }

    private static void passesAnInPlaceChangeShowingTheUpdate(EmulatedEnvironment env, Path outdir) {
        Path stack = env.stack(outdir, Layer.DATABASE);

        Review review = review(env, "in-place", stack);

        assertEquals(0, review.exitCode(), review::toString);
        JsonNode counts = review.stack().path("counts");
        assertEquals(0, counts.path("replace").asInt() + counts.path("delete").asInt() + counts.path("create").asInt(), review::toString);
        assertTrue(review.changed("aws_cloudwatch_metric_alarm", "threshold"), review::toString);
        assertTrue(review.changed("aws_db_instance", "backup_retention_period"), review::toString);
        assertTrue(review.stack().path("disruptive").isEmpty(), review::toString);
    }

    /**
     * The change the review passed goes out as reviewed: applied in place, the primary keeps its retention and every
     * CPU alarm its threshold as changed, in the state read back.
     */
    private static Path appliesTheInPlaceChangeWhereItWasReviewed(EmulatedEnvironment env, Path outdir, Timings timings) {
        Path stack = env.stack(outdir, Layer.DATABASE);
        int retentionDays = env.environment().database().backups().retentionDays() + 3;

        Terraform.Result apply = env.terraform(stack, "apply", "-auto-approve", "-input=false", "-no-color");

        assertTrue(apply.succeeded(), () -> apply.stdout() + apply.stderr());
        timings.providerWaited(CHANGE, longestOperation(apply.stdout()));
        assertTrue(Pattern.compile("Apply complete! Resources: 0 added, [1-9]\\d* changed, 0 destroyed").matcher(apply.stdout()).find(),
                apply::stdout);
        List<JsonNode> instances = stateInstances(env.stateFile(Layer.DATABASE), "aws_db_instance");
        JsonNode primary = statePrimary(instances);
        assertEquals(retentionDays, primary.path("backup_retention_period").asInt(), primary::toString);
        List<JsonNode> cpuAlarms = stateInstances(env.stateFile(Layer.DATABASE), "aws_cloudwatch_metric_alarm").stream()
                .filter(a -> a.path("namespace").asText().equals("AWS/RDS") && a.path("metric_name").asText().equals("CPUUtilization"))
                .toList();
        assertEquals(instances.size(), cpuAlarms.size(), cpuAlarms::toString);
        cpuAlarms.forEach(alarm -> assertEquals(70.0, alarm.path("threshold").asDouble(), alarm::toString));
        return outdir;
    }

    private static void warnsAboutARenameAndANewInstanceClassWithoutBlockingThem(EmulatedEnvironment env, Path outdir) {
        Path stack = env.stack(outdir, Layer.DATABASE);
        editConfiguration(stack, configuration -> primary(configuration).put("identifier", "storefront-" + env.environment().name() + "-postgres-renamed"));

        Review warned = review(env, "disruptive", stack);

        assertEquals(0, warned.exitCode(), warned::toString);
        Set<String> disrupted = new TreeSet<>();
        warned.stack().path("disruptive").forEach(d -> disrupted.add(d.path("attribute").asText()));
        // The parameter group is sized for the class: a resize brings a new group, whose static parameters need a reboot.
        assertTrue(disrupted.containsAll(List.of("identifier", "instance_class", "parameter_group_name")), disrupted::toString);
        assertTrue(warned.markdown().contains("## Disruptive changes"), warned::toString);
    }

    private static void blocksEveryChangeThatWouldReplaceOrDeleteProtectedData(EmulatedEnvironment env, Path outdir) {
        String name = env.environment().name();
        Path stack = env.stack(outdir, Layer.DATABASE);
        Map<String, String> expected = new LinkedHashMap<>();
        editConfiguration(stack, configuration -> {
            ObjectNode resources = (ObjectNode) configuration.path("resource");
            ((ObjectNode) resources.path("aws_kms_key")).putObject("lifecycle_other_key").put("description", "another key");
            primary(configuration).put("kms_key_id", "${aws_kms_key.lifecycle_other_key.arn}");
            expected.put(address(configuration, "aws_db_instance", r -> r.path("identifier").asText().equals("storefront-" + name + "-postgres")),
                    "replace:kms_key_id,username");
            Predicate<JsonNode> exportBucket = r -> r.path("bucket").asText().contains("-db-backups-");
            expected.put(address(configuration, "aws_s3_bucket", exportBucket), "replace:bucket");
            ((ObjectNode) resource(configuration, "aws_s3_bucket", exportBucket)).put("bucket", "storefront-" + name + "-renamed-backups");
            Predicate<JsonNode> masterSecret = r -> r.path("name").asText().endsWith("/postgres/master");
            expected.put(address(configuration, "aws_secretsmanager_secret", masterSecret), "replace:name");
            ((ObjectNode) resource(configuration, "aws_secretsmanager_secret", masterSecret)).put("name", "storefront/" + name + "/postgres/renamed");
            String logGroup = address(configuration, "aws_cloudwatch_log_group", r -> r.path("name").asText().endsWith("-postgres/upgrade"));
            removeResource(configuration, logGroup);
            expected.put(logGroup, "delete:removed from the configuration");
            if (env.environment().database().readReplicas() > 0) {
                ObjectNode replica = (ObjectNode) resource(configuration, "aws_db_instance", r -> r.path("identifier").asText().endsWith("-replica-1"));
                replica.put("availability_zone", env.environment().network().availabilityZones().get(0));
                expected.put(address(configuration, "aws_db_instance", r -> r.path("identifier").asText().endsWith("-replica-1")),
                        "replace:availability_zone");
            }
        });

        Review review = review(env, "protected", stack);

        assertEquals(1, review.exitCode(), review::toString);
        Map<String, JsonNode> findings = new LinkedHashMap<>();
        review.stack().path("findings").forEach(f -> findings.put(f.path("address").asText(), f));
        expected.forEach((address, actionAndCause) -> {
            JsonNode finding = findings.get(address);
            assertTrue(finding != null, () -> "the guard did not block " + address + ": " + review);
            String[] parts = actionAndCause.split(":");
            assertEquals(parts[0], finding.path("action").asText(), finding::toString);
            for (String cause : parts[1].split(",")) {
                assertTrue(finding.path("cause").asText().contains(cause), () -> address + " cause should name " + cause + ": " + finding);
            }
            assertFalse(finding.path("acknowledged").asBoolean(), finding::toString);
            assertTrue(review.stderr().contains("BLOCKED " + review.stackName() + ": " + address), review::toString);
        });
    }

    /**
     * One more read replica, as scaling reads out takes: reviewed, it only adds (the replica, what watches it, its
     * connect policy), costs more and touches no instance that stands; deployed, the replica replicates the primary
     * from a zone no other instance of the environment is in, is published as a reader endpoint, and the next plan is
     * empty.
     */
    private static void addsAReplicaInAZoneOfItsOwnTouchingNothingThatStands(EmulatedEnvironment env, Path outdir, Timings timings) {
        Path stack = env.stack(outdir, Layer.DATABASE);

        Review review = review(env, "scale-out", stack);

        assertEquals(0, review.exitCode(), review::toString);
        JsonNode counts = review.stack().path("counts");
        assertEquals(0, counts.path("replace").asInt() + counts.path("delete").asInt(), review::toString);
        assertEquals(List.of("create"), review.actionsOn("aws_db_instance"), review::toString);
        // The bundled price table has no eu-west-1 RDS prices, so the replica is counted, not priced.
        List<String> estimated = new ArrayList<>();
        review.stack().path("cost").path("lines").forEach(l -> estimated.add(l.path("state").asText() + " " + l.path("description").asText()));
        assertTrue(estimated.stream().anyMatch(l -> l.startsWith("after ") && l.endsWith("read replica")), () -> "no replica in the estimate: " + estimated);

        deploysBothStacks(env, outdir, SCALE_OUT, timings);

        List<JsonNode> instances = stateInstances(env.stateFile(Layer.DATABASE), "aws_db_instance");
        JsonNode outputs = env.outputs(stack);
        List<JsonNode> replicas = replicasStandAsPublished(env, instances, outputs, env.environment().database().readReplicas() + 1);
        Set<String> zones = new HashSet<>();
        instances.forEach(i -> zones.add(i.path("availability_zone").asText()));
        assertEquals(instances.size(), zones.size(), () -> "instances share a zone: " + instances);
        JsonNode primary = statePrimary(instances);
        replicas.forEach(r -> assertTrue(Set.of(primary.path("identifier").asText(), primary.path("arn").asText())
                .contains(r.path("replicate_source_db").asText()), r::toString));
        assertFalse(outputs.path(DatabaseOutput.REPLICA_CONNECT_POLICY_ARN.outputName()).path("value").asText().isEmpty(), outputs::toString);
        plansNothingMoreAfterTheDeploy(env, outdir, Layer.DATABASE);
    }

    /**
     * Back to the replicas the environment had: the review blocks deleting the replica and its log groups, as every
     * instance's and log group's, and passes them once acknowledged; deployed, the replica and only it is gone, and the
     * primary stands as it stood.
     */
    private static void deletesTheReplicaOnceAcknowledgedAndOnlyIt(EmulatedEnvironment env, Path outdir, Timings timings) {
        Path stack = env.stack(outdir, Layer.DATABASE);
        List<JsonNode> before = stateInstances(env.stateFile(Layer.DATABASE), "aws_db_instance");

        Review blocked = review(env, "scale-in", stack);

        assertEquals(1, blocked.exitCode(), blocked::toString);
        assertEquals(List.of("delete"), blocked.actionsOn("aws_db_instance"), blocked::toString);
        List<String> findings = new ArrayList<>();
        blocked.stack().path("findings").forEach(f -> findings.add(f.path("action").asText() + " " + f.path("address").asText()));
        List<String> replicas = findings.stream().filter(f -> f.startsWith("delete aws_db_instance.")).toList();
        assertEquals(1, replicas.size(), blocked::toString);
        // The replica's construct names its log groups: postgres_replica-1 and postgres_replica-1-postgresql-logs.
        String replica = replicas.get(0).substring("delete aws_db_instance.".length()).replaceAll("_[0-9A-F]{8}$", "");
        assertTrue(findings.stream().allMatch(f -> f.startsWith("delete aws_db_instance." + replica + "_")
                || f.startsWith("delete aws_cloudwatch_log_group." + replica + "-")), blocked::toString);
        assertEquals(3, findings.size(), () -> "the replica and its two log groups: " + blocked);

        List<String> acknowledgements = new ArrayList<>();
        findings.forEach(f -> acknowledgements.addAll(List.of("--allow-replace", blocked.stackName() + ":" + f.substring("delete ".length()))));
        Review acknowledged = review(env, "scale-in-acknowledged", stack, acknowledgements.toArray(String[]::new));

        assertEquals(0, acknowledged.exitCode(), acknowledged::toString);

        deploysBothStacks(env, outdir, SCALE_IN, timings);

        List<JsonNode> instances = stateInstances(env.stateFile(Layer.DATABASE), "aws_db_instance");
        assertEquals(before.size() - 1, instances.size(), instances::toString);
        assertEquals(configured(statePrimary(before)), configured(statePrimary(instances)), "the primary changed while its replica was deleted");
        Set<String> gone = new TreeSet<>(before.stream().map(i -> i.path("identifier").asText()).toList());
        instances.forEach(i -> gone.remove(i.path("identifier").asText()));
        List<String> inventory = env.inventory();
        assertEquals(1, gone.size(), gone::toString);
        assertFalse(inventory.contains("rds:db-instance:" + gone.iterator().next()), inventory::toString);
    }

    /**
     * {@code cdktf deploy} of both stacks of {@code outdir}, as a user deploys a change. cdktf's timed output gives the
     * provider's waits as the chains they are (a replica's alarms wait for the replica).
     */
    private static void deploysBothStacks(EmulatedEnvironment env, Path outdir, String step, Timings timings) {
        CdktfCli.Run deploy = env.cdktf(outdir, "deploy", Layer.NETWORK.stackId(env.environment()), Layer.DATABASE.stackId(env.environment()));

        assertEquals(0, deploy.exitCode(), () -> "cdktf deploy failed:\n" + deploy.output());
        timings.providerWaited(step, deploy.resourceOperations());
    }

    /** A bumped master password version, synthesized and planned against what is deployed. */
    private record PlannedBump(Path outdir, Path stack, String secretArn, String before) {
    }

    private static PlannedBump plansAPasswordBumpOfThePrimaryAndTheSecretAndNothingElse(EmulatedEnvironment env, Path outdir) {
        String secretArn = env.outputs(env.stack(env.path("deployed").resolve("cdktf.out"), Layer.DATABASE)).path(DatabaseOutput.MASTER_SECRET_ARN.outputName()).path("value").asText();
        String before = env.secretValue(secretArn);
        Path stack = env.stack(outdir, Layer.DATABASE);

        env.initAnd(stack, "plan", "-input=false", "-no-color", "-lock=false", "-out=rotate.tfplan").orThrow(stack);
        List<ResourceChange> changes = PlanReader.read(env.terraform(stack, "show", "-json", "rotate.tfplan").orThrow(stack).stdout());

        Map<String, String> planned = new TreeMap<>();
        changes.forEach(c -> planned.put(c.address(), c.action().description() + " " + c.cause() + " " + c.changedAttributes()));
        assertEquals(2, changes.size(), planned::toString);
        ResourceChange primary = changes.stream().filter(c -> c.type().equals("aws_db_instance")).findFirst().orElseThrow();
        ResourceChange secretVersion = changes.stream().filter(c -> c.type().equals("aws_secretsmanager_secret_version")).findFirst().orElseThrow();
        assertEquals("update", primary.action().kind(), planned::toString);
        assertTrue(primary.changedAttributes().contains("password_wo_version"), planned::toString);
        // A new version of the secret, the old one kept by Secrets Manager as AWSPREVIOUS.
        assertEquals(List.of("secret_string_wo_version"), secretVersion.replacePaths(), planned::toString);
        return new PlannedBump(outdir, stack, secretArn, before);
    }

    private static Path appliesThePasswordBumpToTheInstanceAndTheSecret(EmulatedEnvironment env, PlannedBump bump, Timings timings) {
        Terraform.Result apply = env.terraform(bump.stack(), "apply", "-input=false", "-no-color", "rotate.tfplan");

        assertTrue(apply.succeeded(), () -> apply.stdout() + apply.stderr());
        timings.providerWaited(BUMP, longestOperation(apply.stdout()));
        String after = env.secretValue(bump.secretArn());
        assertNotEquals(parse(bump.before()).path("password"), parse(after).path("password"), "the secret holds a new password");
        assertFalse(readString(env.stateFile(Layer.DATABASE)).contains(parse(after).path("password").asText()),
                "the new password stays out of state");
        MasterPassword.WriteOnly current = (MasterPassword.WriteOnly) env.environment().database().credentials().masterPassword();
        JsonNode primary = statePrimary(stateInstances(env.stateFile(Layer.DATABASE), "aws_db_instance"));
        assertEquals(current.version() + 1, primary.path("password_wo_version").asInt(), "the instance was sent the new password: " + primary);
        return bump.outdir();
    }

    private static void destroysBothStacksInOneCommandLeavingNothing(EmulatedEnvironment env, Path outdir, Inventory pristine,
            Timings timings) {
        String network = Layer.NETWORK.stackId(env.environment());
        String database = Layer.DATABASE.stackId(env.environment());

        CdktfCli.Run destroy = timings.time("destroy", () -> env.cdktf(outdir, "destroy", database, network));

        assertEquals(0, destroy.exitCode(), () -> "cdktf destroy failed:\n" + destroy.output());
        assertFalse(destroy.span(network).start().isBefore(destroy.span(database).end()),
                () -> "the network stack was destroyed while the database stack still stood:\n" + destroy.output());
        Inventory left = Inventory.of(env);
        assertEquals(pristine.here(), left.here(), "the emulator still holds resources of " + env.environment().name());
        assertEquals(pristine.recoveryRegion(), left.recoveryRegion(), "the recovery region still holds resources of " + env.environment().name());
        timings.record("  destroy " + database, destroy.span(database).duration());
        timings.record("  destroy " + network, destroy.span(network).duration());
        timings.providerWaited("destroy", destroy.resourceOperations());
    }

    /**
     * {@code cdktf destroy} fails and deletes nothing, here or in the disaster-recovery region; and a destroy plan of
     * each stack is refused, by resources its configuration protects (cdktf stops at the first stack).
     */
    private static void refusesToDestroyAndDeletesNothing(EmulatedEnvironment env, Path outdir, Timings timings) {
        Inventory deployed = Inventory.of(env);

        CdktfCli.Run destroy = timings.time("destroy (refused)", () -> env.cdktf(outdir, "destroy",
                Layer.DATABASE.stackId(env.environment()), Layer.NETWORK.stackId(env.environment())));

        assertNotEquals(0, destroy.exitCode(), () -> "cdktf destroy of a protected environment succeeded:\n" + destroy.output());
        assertTrue(destroy.output().contains("lifecycle.prevent_destroy"), destroy::output);
        assertEquals(deployed, Inventory.of(env), "a refused destroy deleted resources");
        for (Layer layer : Layer.values()) {
            Path stack = env.stack(outdir, layer);
            Terraform.Result plan = env.initAnd(stack, "plan", "-destroy", "-input=false", "-no-color", "-lock=false");
            Set<String> refused = StackPlanner.preventDestroyRefusals(plan);
            assertEquals(1, plan.exitCode(), () -> plan.stdout() + plan.stderr());
            // Terraform names a protected resource only once what must go before it could: the flow-log group, not
            // the key it is encrypted with. So each refusal must be a resource the configuration protects.
            Set<String> protectedHere = protectedAddresses(readJson(stack.resolve("cdk.tf.json")));
            assertFalse(refused.isEmpty(), plan::stderr);
            assertTrue(protectedHere.containsAll(refused), () -> "refused " + refused + ", protected " + protectedHere);
        }
    }

    /** The addresses of the resources a stack's configuration marks {@code prevent_destroy}. */
    private static Set<String> protectedAddresses(JsonNode configuration) {
        Set<String> addresses = new TreeSet<>();
        configuration.path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(resource -> {
            if (resource.getValue().path("lifecycle").path("prevent_destroy").asBoolean()) {
                addresses.add(type.getKey() + "." + resource.getKey());
            }
        }));
        assertFalse(addresses.isEmpty(), "a protected environment's stack protects nothing");
        return addresses;
    }

    /** Retiring a protected environment: the review blocks the lifted protection of the primary until acknowledged. */
    private static void blocksLiftingTheProtectionUntilAcknowledged(EmulatedEnvironment env, Path outdir) {
        Path database = env.stack(outdir, Layer.DATABASE);
        String primary = address(readJson(database.resolve("cdk.tf.json")), "aws_db_instance", PRIMARY);

        Review review = review(env, "retired", database);

        assertEquals(1, review.exitCode(), review::toString);
        boolean primaryBlocked = false;
        for (JsonNode finding : review.stack().path("findings")) {
            primaryBlocked |= finding.path("address").asText().equals(primary) && finding.path("action").asText().equals("update")
                    && finding.path("message").asText().contains("Loses data: protection lifted");
        }
        assertTrue(primaryBlocked, review::toString);
    }

    /**
     * The lifted protection deployed with {@code cdktf deploy}, as after the acknowledgement: the instances stand without
     * deletion protection and will be deleted without a final snapshot.
     */
    private static Path liftsEveryProtection(EmulatedEnvironment env, Path outdir, Timings timings) {
        // The replicas are modified after their primary: cdktf's timed output gives the provider's waits as that chain.
        deploysBothStacks(env, outdir, LIFT, timings);

        stateInstances(env.stateFile(Layer.DATABASE), "aws_db_instance").forEach(instance -> assertTrue(
                !instance.path("deletion_protection").asBoolean() && instance.path("skip_final_snapshot").asBoolean(), instance::toString));
        return outdir;
    }

    /** The project's plan review of one stack, in emulator mode, with the JSON and Markdown it wrote. */
    private static Review review(EmulatedEnvironment env, String name, Path stack, String... options) {
        Path out = env.path("review-" + name);
        List<String> args = new ArrayList<>(List.of("--emulator", "--out", out.toString()));
        args.addAll(List.of(options));
        args.add(stack.toString());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = PlanReview.run(args, Map.of(), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String stackName = stack.getFileName().toString();
        Path json = out.resolve(stackName + ".json");
        return new Review(stackName, exitCode, Files.exists(json) ? readJson(json) : JSON.createObjectNode(),
                Files.exists(out.resolve(stackName + ".md")) ? readString(out.resolve(stackName + ".md")) : "",
                stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    private record Review(String stackName, int exitCode, JsonNode stack, String markdown, String stdout, String stderr) {

        boolean changed(String type, String attribute) {
            for (JsonNode change : stack.path("changes")) {
                if (change.path("type").asText().equals(type) && change.path("action").asText().equals("update")
                        && change.path("changedAttributes").toString().contains("\"" + attribute + "\"")) {
                    return true;
                }
            }
            return false;
        }

        /** The actions planned on resources of {@code type}, distinct, in the order of the changes. */
        List<String> actionsOn(String type) {
            Set<String> actions = new LinkedHashSet<>();
            stack.path("changes").forEach(c -> {
                if (c.path("type").asText().equals(type)) {
                    actions.add(c.path("action").asText());
                }
            });
            return List.copyOf(actions);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + stdout + stderr + "\n" + markdown;
        }
    }

    /** The primary's resource in a stack's configuration. */
    private static ObjectNode primary(JsonNode configuration) {
        return (ObjectNode) resource(configuration, "aws_db_instance", PRIMARY);
    }

    private static JsonNode resource(JsonNode configuration, String type, Predicate<JsonNode> filter) {
        return configuration.path("resource").path(type).get(logicalId(configuration, type, filter));
    }

    private static String address(JsonNode configuration, String type, Predicate<JsonNode> filter) {
        return type + "." + logicalId(configuration, type, filter);
    }

    private static String logicalId(JsonNode configuration, String type, Predicate<JsonNode> filter) {
        List<String> ids = new ArrayList<>();
        configuration.path("resource").path(type).fields().forEachRemaining(e -> {
            if (filter.test(e.getValue())) {
                ids.add(e.getKey());
            }
        });
        assertEquals(1, ids.size(), () -> "expected one matching " + type + ", found " + ids);
        return ids.get(0);
    }

    /** Removes a resource and every {@code depends_on} entry naming it, as deleting its construct would. */
    private static void removeResource(JsonNode configuration, String address) {
        String[] parts = address.split("\\.");
        ((ObjectNode) configuration.path("resource").path(parts[0])).remove(parts[1]);
        configuration.path("resource").forEach(type -> type.forEach(resource -> {
            JsonNode dependsOn = resource.path("depends_on");
            if (dependsOn.isArray()) {
                for (Iterator<JsonNode> it = ((ArrayNode) dependsOn).elements(); it.hasNext(); ) {
                    if (it.next().asText().equals(address)) {
                        it.remove();
                    }
                }
            }
        }));
    }

    private static void editConfiguration(Path stack, Consumer<JsonNode> edit) {
        Path file = stack.resolve("cdk.tf.json");
        JsonNode configuration = readJson(file);
        edit.accept(configuration);
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), configuration);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The attribute objects of every instance of {@code type} in a state file. */
    private static List<JsonNode> stateInstances(Path state, String type) {
        List<JsonNode> instances = new ArrayList<>();
        for (JsonNode resource : readJson(state).path("resources")) {
            if (resource.path("type").asText().equals(type) && resource.path("mode").asText().equals("managed")) {
                resource.path("instances").forEach(i -> instances.add(i.path("attributes")));
            }
        }
        return instances;
    }

    /** The primary among the aws_db_instance attributes of a state: the instance that replicates nothing. */
    private static JsonNode statePrimary(List<JsonNode> instances) {
        return instances.stream().filter(i -> i.path("replicate_source_db").asText().isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no primary in the state's instances: " + instances));
    }

    /** An instance's attributes but those RDS reports of itself as time passes: its replicas and latest restorable time. */
    private static JsonNode configured(JsonNode instance) {
        ObjectNode attributes = instance.deepCopy();
        attributes.remove(List.of("replicas", "latest_restorable_time"));
        return attributes;
    }

    /** Paths of attributes named like a password or secret string that hold a text value. */
    private static List<String> passwordValues(JsonNode node, String path) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                boolean secretName = (key.contains("password") || key.startsWith("secret_string"))
                        && !key.endsWith("_version") && !key.startsWith("manage_");
                if (secretName && value.isTextual() && !value.asText().isEmpty()) {
                    found.add(path + "/" + key);
                }
                found.addAll(passwordValues(value, path + "/" + key));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(passwordValues(node.get(i), path + "/" + i));
            }
        }
        return found;
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The longest "complete after" of a Terraform apply's output: its resources change side by side. */
    private static Duration longestOperation(String output) {
        Duration longest = Duration.ZERO;
        Matcher after = Pattern.compile("complete after (?:(\\d+)m)?(\\d+)s").matcher(output);
        while (after.find()) {
            Duration duration = Duration.ofMinutes(after.group(1) == null ? 0 : Long.parseLong(after.group(1)))
                    .plusSeconds(Long.parseLong(after.group(2)));
            longest = duration.compareTo(longest) > 0 ? duration : longest;
        }
        return longest;
    }

    /** Wall time of each step, printed at the end as one line per step. */
    private static final class Timings {

        private final String environment;
        private final Map<String, Duration> steps = new LinkedHashMap<>();
        private final Instant started = Instant.now();
        private final Map<String, Duration> waits = new LinkedHashMap<>();

        Timings(String environment) {
            this.environment = environment;
        }

        <T> T time(String step, java.util.function.Supplier<T> work) {
            Instant start = Instant.now();
            try {
                return work.get();
            } finally {
                record(step, Duration.between(start, Instant.now()));
            }
        }

        void time(String step, Runnable work) {
            time(step, () -> {
                work.run();
                return null;
            });
        }

        synchronized void record(String step, Duration duration) {
            steps.put(step, duration);
        }

        /**
         * Adds time the AWS provider spent on resource operations during {@code step}, which against the emulator is
         * its own waiting.
         */
        synchronized void providerWaited(String step, Duration duration) {
            waits.merge(step, duration, Duration::plus);
        }

        /** Prints the steps, and writes the provider's waits where {@code scripts/benchmark} reads them. */
        void print(Path waitsFile) {
            Duration total = Duration.between(started, Instant.now());
            Duration providerWaits = waits.values().stream().reduce(Duration.ZERO, Duration::plus);
            StringBuilder report = new StringBuilder("emulator lifecycle " + environment + ": " + seconds(total) + " in all, of which "
                    + seconds(providerWaits) + " the AWS provider's own waits (" + String.format("%.2f", total.toMillis() / (double) providerWaits.toMillis())
                    + "x)\n");
            steps.forEach((step, duration) -> report.append("  ").append(step).append(": ").append(seconds(duration))
                    .append(waits.containsKey(step) ? ", of which provider waits " + seconds(waits.get(step)) : "").append('\n'));
            System.out.print(report);
            try {
                Files.writeString(waitsFile, Long.toString(providerWaits.toSeconds()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String seconds(Duration duration) {
            return String.format("%.1f s", duration.toMillis() / 1000.0);
        }
    }
}
