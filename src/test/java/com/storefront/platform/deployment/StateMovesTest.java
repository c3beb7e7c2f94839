package com.storefront.platform.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3BucketConfig;
import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.TestStacks;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class StateMovesTest {

    @Test
    void writesAMovedBlockForEveryMoveOfAStackFromTheOldAddressToTheResourcesOwn() {
        StackJson json = TestStacks.construct(stack -> {
            StateMoves.movedFrom("aws_s3_bucket.old_logs_1A2B3C4D", bucket(stack, "logs"));
            StateMoves.movedFrom("aws_s3_bucket.old_exports_5E6F7A8B", bucket(stack, "exports"));
        });

        json.check(json.moves().equals(List.of(
                        "aws_s3_bucket.old_logs_1A2B3C4D -> aws_s3_bucket." + json.logicalId("aws_s3_bucket", named("logs")),
                        "aws_s3_bucket.old_exports_5E6F7A8B -> aws_s3_bucket." + json.logicalId("aws_s3_bucket", named("exports")))),
                "both moves, each to its bucket's address, but found " + json.moves());
    }

    @Test
    void leavesSynthesisWithoutCdktfsCheckOfTheTerraformBinary() {
        AtomicBoolean cdktfSeesAMove = new AtomicBoolean(true);
        StackJson json = TestStacks.construct(stack -> {
            StateMoves.movedFrom("aws_s3_bucket.old_logs_1A2B3C4D", bucket(stack, "logs"));
            // What makes CDKTF run `terraform version` when it synthesizes the stack.
            cdktfSeesAMove.set(stack.hasResourceMove());
        });

        json.check(!cdktfSeesAMove.get() && json.moves().size() == 1,
                "the move is written as a moved block CDKTF does not track, so synthesis needs no Terraform on the PATH");
    }

    private static S3Bucket bucket(TerraformStack stack, String name) {
        return new S3Bucket(stack, name, S3BucketConfig.builder().bucket(name).build());
    }

    private static Predicate<JsonNode> named(String name) {
        return bucket -> bucket.path("bucket").asText().equals(name);
    }
}
