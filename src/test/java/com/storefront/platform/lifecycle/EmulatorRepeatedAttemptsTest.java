package com.storefront.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.testing.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Patch 12 of the emulator's launcher: an SDK's repeated attempt of a call is answered as its first attempt was,
 * while a new call that repeats a create is refused as AWS refuses it.
 */
@Tag("emulator")
class EmulatorRepeatedAttemptsTest {

    private static final Path LOG = Path.of("target", "emulator-repeated-attempts", "emulator.log");
    private static final String PLAN = """
            {"BackupPlan": {"BackupPlanName": "storefront-test-plan",
             "Rules": [{"RuleName": "daily", "TargetBackupVaultName": "Default"}]}}""";

    @Test
    void answersARepeatedAttemptAsTheFirstAndRefusesANewCallThatRepeatsTheCreate() throws IOException {
        try (Emulator emulator = Emulator.start("123456789012", "eu-west-1", LOG)) {
            HttpResponse<String> first = createPlan(emulator, "call-1", 1);
            HttpResponse<String> repeat = createPlan(emulator, "call-1", 2);
            HttpResponse<String> another = createPlan(emulator, "call-2", 1);

            assertEquals(200, first.statusCode(), first::body);
            assertEquals(200, repeat.statusCode(), repeat::body);
            assertEquals(first.body(), repeat.body(), "the repeat gets the first attempt's plan");
            assertEquals(400, another.statusCode(), another::body);
            assertTrue(another.body().contains("AlreadyExistsException"), another::body);
            assertTrue(Files.readString(LOG).contains("replayed the answer to call call-1"), "the replay is logged");
        }
    }

    private static HttpResponse<String> createPlan(Emulator emulator, String invocation, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(emulator.endpoint().resolve("/backup/plans"))
                .header("Content-Type", "application/json")
                // The emulator checks no signature, only that a region's credential scope is named.
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=emulator/20260101/eu-west-1/backup/aws4_request,"
                        + " SignedHeaders=host, Signature=0")
                .header("amz-sdk-invocation-id", invocation)
                .header("amz-sdk-request", "attempt=" + attempt + "; max=25")
                .PUT(HttpRequest.BodyPublishers.ofString(PLAN))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
