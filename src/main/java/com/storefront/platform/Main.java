package com.storefront.platform;

import com.hashicorp.cdktf.App;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.Environments;
import com.storefront.platform.config.InvalidConfigException;
import com.storefront.platform.database.DatabaseStack;
import com.storefront.platform.network.NetworkStack;
import com.storefront.platform.deployment.Deployment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthesizes the network and database stacks of every environment (or of those named in
 * {@value #ENVIRONMENTS_VARIABLE}) into {@code cdktf.out/}.
 */
public final class Main {

    /** Comma-separated environments to synthesize, e.g. {@code prod}. Default: all of them. */
    public static final String ENVIRONMENTS_VARIABLE = "STOREFRONT_ENVIRONMENTS";

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        App app = new App();
        try {
            Deployment deployment = Deployment.fromEnvironment(System.getenv());
            List<EnvironmentConfig> environments = selection(app).of(Environments.all());
            synthesize(app, environments, deployment);
        } catch (IllegalArgumentException e) {
            // A configuration or mode error says what to fix; a stack trace would bury it.
            System.err.println("synth: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Adds both stacks of each environment to {@code app}, attaches their backends and synthesizes. */
    public static void synthesize(App app, List<EnvironmentConfig> environments, Deployment deployment) throws IOException {
        for (EnvironmentConfig environment : environments) {
            NetworkStack network = new NetworkStack(app, environment, deployment);
            DatabaseStack database = new DatabaseStack(app, environment, deployment);
            // The database reads the network's state: cdktf deploys the network first and destroys it last.
            database.addDependency(network);
            deployment.attachBackend(network);
            deployment.attachBackend(database);
        }
        app.synth();
        deployment.afterSynth(Path.of(app.getOutdir()), environments);
    }

    /** The environments to synthesize, as a comma-separated list, and the setting that named them. */
    private record Selection(String names, String source) {

        static final Selection ALL = new Selection(null, "");

        List<EnvironmentConfig> of(List<EnvironmentConfig> environments) {
            return Environments.select(environments, names, source);
        }
    }

    /**
     * {@value #ENVIRONMENTS_VARIABLE}, else the {@code environments} key of the context: the one cdktf passes, or
     * when run without cdktf, the one in {@code cdktf.json} of the directory synthesis runs in. The key may hold
     * one string ({@code "dev,prod"}) or a list of names ({@code ["dev", "prod"]}).
     */
    private static Selection selection(App app) throws IOException {
        String fromEnvironment = System.getenv(ENVIRONMENTS_VARIABLE);
        if (fromEnvironment != null) {
            return new Selection(fromEnvironment, ENVIRONMENTS_VARIABLE);
        }
        String source = "cdktf.json context.environments";
        Object fromContext = app.getNode().tryGetContext("environments");
        if (fromContext != null) {
            return new Selection(fromContext instanceof List<?> names
                    ? String.join(",", names.stream().map(String::valueOf).toList()) : fromContext.toString(), source);
        }
        Path cdktfJson = Path.of("cdktf.json");
        if (System.getenv("CDKTF_CONTEXT_JSON") == null && Files.isRegularFile(cdktfJson)) {
            JsonNode environments = new ObjectMapper().readTree(cdktfJson.toFile()).path("context").path("environments");
            if (environments.isMissingNode() || environments.isNull()) {
                return Selection.ALL;
            }
            if (environments.isArray()) {
                List<String> names = new ArrayList<>();
                environments.forEach(name -> names.add(name.asText()));
                return new Selection(String.join(",", names), source);
            }
            if (!environments.isTextual()) {
                throw new InvalidConfigException(source, environments.toString(),
                        "must be a string of comma-separated environment names or a list of them, e.g. \"dev,prod\"");
            }
            return new Selection(environments.asText(), source);
        }
        return Selection.ALL;
    }
}
