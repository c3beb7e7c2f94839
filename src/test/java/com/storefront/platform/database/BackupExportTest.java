package com.storefront.platform.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.EncryptionKeyProps;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.ObjectLock;
import com.storefront.platform.config.Tier;
import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.TestStacks;
import org.junit.jupiter.api.Test;

class BackupExportTest {

    @Test
    void switchesObjectLockOnForTheExistingBucketWithoutTouchingTheBucket() {
        StackJson unlocked = synth(null);
        StackJson locked = synth(new ObjectLock(ObjectLock.Mode.COMPLIANCE, 365));

        JsonNode bucket = exportBucket(unlocked);
        // object_lock_enabled forces a new bucket when it changes: unset, the lock can come and go without it.
        unlocked.check(!bucket.has("object_lock_enabled"), "the bucket leaves Object Lock to its own resource: " + bucket);
        locked.check(exportBucket(locked).equals(bucket), "the same bucket with the lock as without: " + exportBucket(locked));
        JsonNode lock = locked.onlyResource("aws_s3_bucket_object_lock_configuration");
        String versioning = "aws_s3_bucket_versioning." + locked.logicalId("aws_s3_bucket_versioning", v -> true);
        locked.check(lock.path("object_lock_enabled").asText().equals("Enabled")
                        && lock.at("/rule/default_retention/mode").asText().equals("COMPLIANCE")
                        && lock.at("/rule/default_retention/days").asInt() == 365
                        && lock.path("depends_on").toString().contains(versioning),
                "the lock switches Object Lock on after versioning: " + lock);
        unlocked.check(unlocked.resources("aws_s3_bucket_object_lock_configuration").isEmpty(), "no lock unless asked");
    }

    private static JsonNode exportBucket(StackJson json) {
        return json.onlyResource("aws_s3_bucket", b -> b.path("bucket").asText().contains("-db-backups-"));
    }

    private static StackJson synth(ObjectLock lock) {
        EnvironmentConfig environment = TestStacks.environment(Tier.PROD, d -> d.backups(b -> b.exportObjectLock(lock)));
        return TestStacks.construct(stack -> {
            EncryptionKey key = new EncryptionKey(stack, "key", new EncryptionKeyProps("storefront-test", "test", environment.accountId(),
                    environment.region(), false));
            new BackupExport(stack, "backups", new BackupExportProps(ResourceNames.of(environment), environment.accountId(), key,
                    environment.database().backups(), environment.database().protect()));
        });
    }
}
