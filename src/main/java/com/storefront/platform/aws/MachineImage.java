package com.storefront.platform.aws;

import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameter;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameterConfig;
import software.constructs.Construct;

/** The AMI an EC2 instance boots from: looked up when Terraform plans, or a fixed id. */
public sealed interface MachineImage {

    /**
     * The latest Amazon Linux 2023 AMI of the region, from AWS's public SSM parameter. An AMI id rather than
     * {@code resolve:ssm:...}: with a root_block_device block the provider looks the AMI up by the literal string,
     * which EC2 rejects (hashicorp/terraform-provider-aws#43488).
     */
    static MachineImage latestAmazonLinux2023() {
        return new SsmParameter("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
    }

    /** An expression yielding the AMI id, declaring in {@code scope} whatever lookup it needs. */
    String imageId(Construct scope, String id);

    /** The AMI id an SSM parameter holds, read at plan time. */
    record SsmParameter(String name) implements MachineImage {
        @Override
        public String imageId(Construct scope, String id) {
            return new DataAwsSsmParameter(scope, id, DataAwsSsmParameterConfig.builder().name(name).build()).getValue();
        }
    }

    /** A known AMI id. */
    record Fixed(String amiId) implements MachineImage {
        @Override
        public String imageId(Construct scope, String id) {
            return amiId;
        }
    }
}
