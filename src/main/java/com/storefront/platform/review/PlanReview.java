package com.storefront.platform.review;

import com.storefront.platform.terraform.Directories;
import com.storefront.platform.terraform.Terraform;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Reviews the plans of synthesized stacks: for each, {@code terraform init}, {@code plan -out} and
 * {@code show -json}, then a Markdown and a JSON review per stack and for the run, and the {@link Guard}.
 *
 * <p>Run it with {@code scripts/review --offline --all cdktf.out}, which exits with the review's exit code.
 * {@code mvn -q compile exec:exec@review -Dreview.args="--offline --all cdktf.out"} runs it too, but Maven ends with 1
 * for both a block and an error.
 *
 * <p>Exit codes: the run's {@link Verdict#exitCode()}: 0 passed, 1 the guard blocked a delete or replacement of a
 * protected resource, 2 bad arguments or a stack Terraform could not plan. See {@link #USAGE}.
 *
 * <p>To review plans already made (a test suite that plans each stack once), use {@link StackPlanner},
 * {@link #review(Mode, List, Guard)} and {@link #write}.
 */
public final class PlanReview {

    static final String USAGE = """
            Usage: PlanReview [--offline | --emulator] [--out DIR] [--allow-replace [STACK:]ADDRESS]... [--jobs N]
                              [--block-disruptive] (--all CDKTF_OUT | STACK_DIR...)

            Plans each synthesized stack (terraform init, plan -out, show -json), writes <stack>.md/.json and
            summary.md/.json, and fails when a plan deletes or replaces a protected resource (database instances,
            KMS keys, secrets, S3 buckets and their configuration, log groups, AWS Backup vaults) or updates one in
            place in a way that deletes data already kept (backup, Performance Insights or log retention shortened,
            bucket versioning suspended, objects expiring sooner, an update through a Blue/Green deployment) or lifts what keeps it
            (deletion protection, final snapshot, force_destroy, a secret's recovery window), or when the refresh no
            longer finds a protected resource where the configuration looks. In-place changes that interrupt clients
            (a renamed instance, a new class, port, engine or CA, a password rotation, reboot-only parameters) are
            listed as warnings.

              --offline         stacks synthesized with STOREFRONT_MODE=offline: local state, placeholder
                                credentials, plan -refresh=false. Default: real (S3 state, your AWS credentials).
              --emulator        stacks synthesized with STOREFRONT_MODE=emulator: local state, refreshed against
                                the AWS emulator the stacks point at.
              --all DIR         every stack in DIR/manifest.json (e.g. cdktf.out)
              --out DIR         where the reviews go. Default: target/plan-review
              --allow-replace A acknowledge deleting, replacing or a data-losing update of address A
                                ([STACK:]ADDRESS), repeatable;
                                also STOREFRONT_ALLOW_REPLACE="A1,A2"
              --jobs N          stacks planned at once. Default: the number of processors
              --block-disruptive  fail on disruptive changes too, not only warn

            Exit codes: 0 passed, 1 blocked by the guard (or a disruption, with --block-disruptive), 2 usage or
            Terraform error.
            """;

    private PlanReview() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(List.of(args), System.getenv(), System.out, System.err);
        } catch (RuntimeException | Error e) {
            // An uncaught throwable would end the JVM with 1, which means "blocked": a review that could not finish
            // says so with the code of a review that could not plan.
            System.err.println("plan review: internal error, nothing was reviewed: " + e);
            e.printStackTrace();
            exitCode = Verdict.ERROR.exitCode();
        }
        System.exit(exitCode);
    }

    /** Runs a review as the command line does, returning its exit code. */
    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return Verdict.PASSED.exitCode();
        }
        ReviewOptions options;
        try {
            options = ReviewOptions.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println("plan review: " + e.getMessage());
            err.print(USAGE);
            return Verdict.ERROR.exitCode();
        }
        if (!Terraform.isInstalled()) {
            err.println("plan review: terraform is not on the PATH; install Terraform >= 1.11");
            return Verdict.ERROR.exitCode();
        }
        ReviewRun run = planAndReview(options, err);
        try {
            write(run, options.out());
        } catch (UncheckedIOException e) {
            err.println("plan review: cannot write the review to " + options.out() + ": " + e.getCause().getMessage());
            return Verdict.ERROR.exitCode();
        }
        report(run, options.out(), out, err);
        return run.verdict().exitCode();
    }

    /**
     * Reviews plans already made, in the order given, without running Terraform: plan each stack once with a
     * {@link StackPlanner}, then review the plans as often as needed (with other acknowledgements, say).
     *
     * @param mode how the plans were made, as the reports state it
     * @throws IllegalArgumentException when a plan is not a plan's JSON
     */
    public static ReviewRun review(Mode mode, List<PlannedStack> plans, Guard guard) {
        return collect(mode, plans.stream().map(guard::review).toList(), List.of(), guard);
    }

    /** Plans and reviews every stack of {@code options}, {@code options.jobs()} at a time. */
    private static ReviewRun planAndReview(ReviewOptions options, PrintStream err) {
        Path workDir = temporaryDirectory();
        try {
            StackPlanner planner = new StackPlanner(Terraform.inWorkDir(workDir), options.mode());
            ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
            try {
                List<Future<StackOutcome>> outcomes = new ArrayList<>();
                for (Path stack : options.stacks()) {
                    outcomes.add(pool.submit(() -> reviewStack(stack, planner, options.guard(), err)));
                }
                List<StackReview> reviews = new ArrayList<>();
                List<StackFailure> failures = new ArrayList<>();
                for (Future<StackOutcome> outcome : outcomes) {
                    StackOutcome result = outcome.get();
                    if (result instanceof StackReview review) {
                        reviews.add(review);
                    } else if (result instanceof StackFailure failure) {
                        failures.add(failure);
                    }
                }
                return collect(options.mode(), reviews, failures, options.guard());
            } finally {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reviewing plans", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stack review crashed", e.getCause());
        } finally {
            deleteWorkDir(workDir);
        }
    }

    /** A {@link StackReview}, or a {@link StackFailure} when Terraform or the plan reader fails. */
    private static StackOutcome reviewStack(Path stack, StackPlanner planner, Guard guard, PrintStream err) {
        String name = StackPlanner.stackName(stack);
        err.println("plan review: planning " + name);
        try {
            return guard.review(planner.plan(stack));
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            return new StackFailure(name, e.getMessage());
        }
    }

    private static ReviewRun collect(Mode mode, List<StackReview> reviews, List<StackFailure> failures, Guard guard) {
        List<Finding> findings = reviews.stream().flatMap(r -> r.findings().stream()).toList();
        return new ReviewRun(mode, reviews, failures, guard.unused(findings));
    }

    /**
     * Writes {@code <stack>.md} and {@code <stack>.json} for every reviewed stack, and {@code summary.md} and
     * {@code summary.json}, into {@code out}, creating it; other files there are left as they are.
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static void write(ReviewRun run, Path out) {
        try {
            Files.createDirectories(out);
            for (StackReview review : run.reviews()) {
                Files.writeString(out.resolve(review.stack() + ".md"), MarkdownReport.forStack(review, run.mode()));
                Files.writeString(out.resolve(review.stack() + ".json"), JsonReport.forStack(review, run.mode()));
            }
            Files.writeString(out.resolve("summary.md"), MarkdownReport.forRun(run));
            Files.writeString(out.resolve("summary.json"), JsonReport.forRun(run));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the command prints: a line per stack and the result on stdout, what blocks and warns on stderr. */
    static void report(ReviewRun run, Path out, PrintStream stdout, PrintStream err) {
        for (StackReview review : run.reviews()) {
            String counts = review.counts().entrySet().stream().filter(e -> !e.getKey().equals("forget") || e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
            Verdict verdict = review.verdict();
            stdout.println(review.stack() + ": " + counts + " — " + (verdict == Verdict.BLOCKED ? "BLOCKED" : verdict.result()));
            if (!review.refusedByPreventDestroy().isEmpty()) {
                err.println("plan review: BLOCKED " + review.stack() + ": Terraform refuses the plan: it would destroy "
                        + String.join(", ", review.refusedByPreventDestroy().stream().sorted().toList()) + " (lifecycle.prevent_destroy)");
            }
        }
        run.failures().forEach(f -> err.println("plan review: " + f.stack() + " could not be reviewed: " + f.message()));
        run.acknowledged().forEach(f -> err.println("plan review: acknowledged " + f.message()));
        run.unusedAcknowledgements().forEach(a -> err.println("plan review: WARNING acknowledgement '" + a
                + "' matches no change the guard stops (a protected delete or replacement, a data-losing update); check the address"));
        for (StackReview review : run.reviews()) {
            for (ResourceChange change : review.disruptive()) {
                change.disruptions().forEach(d -> err.println("plan review: " + (review.disruptionsBlock() ? "BLOCKED" : "WARNING")
                        + " disruptive " + review.stack() + ": " + change.address() + " " + d));
            }
        }
        run.blocked().forEach(f -> err.println("plan review: BLOCKED " + f.message() + (f.preventDestroy() ? ""
                : " To let it through, acknowledge it: --allow-replace " + f.stack() + ":" + f.change().address())));
        stdout.println("plan review: " + run.verdict().description() + "; reviews in " + out.resolve("summary.md"));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("plan-review");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteWorkDir(Path workDir) {
        try {
            Directories.deleteRecursively(workDir);
        } catch (UncheckedIOException e) {
            // A leftover CLI configuration in the temporary directory harms nothing.
        }
    }
}
