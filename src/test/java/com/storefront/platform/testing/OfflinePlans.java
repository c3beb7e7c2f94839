package com.storefront.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storefront.platform.review.Mode;
import com.storefront.platform.review.StackPlanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every offline-synthesized stack ({@link SynthesizedStacks#offline()}) planned once per test run by the real
 * Terraform CLI and AWS provider, through the review's {@link StackPlanner} ({@code init},
 * {@code plan -refresh=false -out}, {@code show -json}), two stacks at a time, and shared by every test that reads
 * a plan.
 */
public final class OfflinePlans {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int JOBS = 2;
    private static Map<String, String> plans;

    private OfflinePlans() {
    }

    /** The JSON of every stack's plan, by stack id, in the manifest's order. */
    public static synchronized Map<String, String> all() {
        if (plans == null) {
            plans = planEveryStack(SynthesizedStacks.offline());
        }
        return plans;
    }

    /** The plan of one stack, parsed. */
    public static JsonNode of(String stackId) {
        try {
            return JSON.readTree(all().get(stackId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Planned resource counts by type, for the changes whose actions are exactly {@code actions}, e.g. {@code ["create"]}. */
    public static Map<String, Integer> countByType(JsonNode plan, String actions) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode change : plan.path("resource_changes")) {
            if (change.path("mode").asText().equals("managed") && change.at("/change/actions").toString().equals(actions)) {
                counts.merge(change.path("type").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Map<String, String> planEveryStack(SynthesizedStacks stacks) {
        StackPlanner planner = new StackPlanner(TerraformRequired.runner(stacks.outdir().getParent()), Mode.OFFLINE);
        List<String> ids = stacks.manifest().path("stacks").findValuesAsText("name");
        ExecutorService pool = Executors.newFixedThreadPool(JOBS);
        try {
            Map<String, Future<String>> pending = new LinkedHashMap<>();
            for (String id : ids) {
                pending.put(id, pool.submit(() -> planner.plan(stacks.directory(id)).planJson()));
            }
            Map<String, String> planned = new LinkedHashMap<>();
            for (Map.Entry<String, Future<String>> entry : pending.entrySet()) {
                planned.put(entry.getKey(), entry.getValue().get());
            }
            return planned;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an offline plan failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
