package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentConfigTest {

    @Test
    void startsFromTheTierDefaults() {
        EnvironmentConfig prod = valid("prod", Tier.PROD, b -> b);

        assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), prod.network().availabilityZones());
        assertEquals(NatGateways.ONE_PER_AZ, prod.network().natGateways());
        assertEquals(365, prod.network().flowLogRetentionDays());
        assertEquals(2, prod.database().readReplicas());
        assertEquals("eu-west-1", prod.stateBackend().region());
    }

    @Test
    void carvesDisjointSubnetsFromTheVpcRange() {
        EnvironmentConfig dev = valid("dev", Tier.DEV, b -> b);

        assertEquals(List.of("10.40.0.0/20", "10.40.16.0/20"), dev.network().publicSubnets().stream().map(Object::toString).toList());
        assertEquals(List.of("10.40.80.0/20", "10.40.96.0/20"), dev.network().applicationSubnets().stream().map(Object::toString).toList());
        assertEquals(List.of("10.40.160.0/20", "10.40.176.0/20"), dev.network().databaseSubnets().stream().map(Object::toString).toList());
    }

    @Test
    void rejectsAnUppercaseName() {
        assertRejected("Prod", b -> b, "name must be 2..10 lowercase letters or digits", "got 'Prod'");
    }

    @Test
    void rejectsALongName() {
        assertRejected("productionx", b -> b, "name must be 2..10 lowercase letters", "got 'productionx'");
    }

    @Test
    void rejectsAnInvalidVpcCidr() {
        assertRejected("dev", b -> b.network(n -> n.vpcCidr("10.40.0.0/33")), "environment 'dev': network.vpcCidr must", "got '10.40.0.0/33'");
    }

    @Test
    void rejectsAVpcLargerThanAwsAllows() {
        assertRejected("dev", b -> b.network(n -> n.vpcCidr("10.0.0.0/8")), "network.vpcCidr must have a prefix length between /16 and /28", "got '10.0.0.0/8'");
    }

    @Test
    void rejectsAVpcSmallerThanAwsAllows() {
        assertRejected("dev", b -> b.network(n -> n.vpcCidr("10.0.0.0/29").subnets(
                List.of("10.0.0.0/30", "10.0.0.4/30"), List.of("10.0.0.0/30", "10.0.0.4/30"), List.of("10.0.0.0/30", "10.0.0.4/30"))),
                "network.vpcCidr must have a prefix length between /16 and /28", "got '10.0.0.0/29'");
    }

    @Test
    void rejectsAMissingVpcCidr() {
        assertRejected("dev", b -> b.network(n -> n.vpcCidr(null)), "environment 'dev': network.vpcCidr is required", "got null");
    }

    @Test
    void rejectsANullTierAddressZoneRoleOrParameterNameWithTheFieldNotAStackTrace() {
        InvalidConfigException noTier = assertThrows(InvalidConfigException.class, () -> EnvironmentConfig.builder("qa", null));
        assertTrue(noTier.getMessage().contains("environment 'qa': tier must be one of [DEV, STAGING, PROD]"), noTier.getMessage());

        assertRejected("dev", b -> b.database(d -> d.observability(o -> o.alarmEmails("dba@example.com", null))),
                "environment 'dev': database.observability.alarmEmails must list values, none of them null, e.g. \"dba@example.com\"",
                "got [dba@example.com, null]");
        assertRejected("dev", b -> b.database(d -> d.observability(o -> o.alarmEmails((String[]) null))),
                "environment 'dev': database.observability.alarmEmails must list values, none of them null", "got null");
        assertRejected("dev", b -> b.network(n -> n.availabilityZones("eu-west-1a", null)),
                "environment 'dev': network.availabilityZones must list values, none of them null", "got [eu-west-1a, null]");
        assertRejected("dev", b -> b.database(d -> d.access(a -> a.roles(DatabaseRole.readWrite("storefront_app"), null))),
                "environment 'dev': database.access.roles must list values, none of them null");
        assertRejected("dev", b -> b.database(d -> d.extraParameter(null, "1")),
                "environment 'dev': database.extraParameters must be set under a parameter name, not null", "got '1'");
    }

    @Test
    void rejectsASubnetOutsideTheVpc() {
        assertRejected("dev", b -> b.network(n -> n.subnets(
                        List.of("10.40.0.0/24", "10.40.1.0/24"),
                        List.of("10.40.10.0/24", "10.40.11.0/24"),
                        List.of("10.40.20.0/24", "10.99.21.0/24"))),
                "network.databaseSubnets[1] must lie inside network.vpcCidr 10.40.0.0/16", "got '10.99.21.0/24'");
    }

    @Test
    void rejectsOverlappingSubnets() {
        assertRejected("dev", b -> b.network(n -> n.subnets(
                        List.of("10.40.0.0/24", "10.40.1.0/24"),
                        List.of("10.40.10.0/24", "10.40.0.128/25"),
                        List.of("10.40.20.0/24", "10.40.21.0/24"))),
                "network.applicationSubnets[1] must not overlap network.publicSubnets[0] 10.40.0.0/24", "got '10.40.0.128/25'");
    }

    @Test
    void rejectsASubnetListThatDoesNotMatchTheZones() {
        assertRejected("dev", b -> b.network(n -> n.subnets(
                        List.of("10.40.0.0/24"),
                        List.of("10.40.10.0/24", "10.40.11.0/24"),
                        List.of("10.40.20.0/24", "10.40.21.0/24"))),
                "network.publicSubnets must have exactly one block per availability zone (2: [eu-west-1a, eu-west-1b])", "got [10.40.0.0/24]");
    }

    @Test
    void rejectsASingleAvailabilityZone() {
        assertRejected("dev", b -> b.network(n -> n.availabilityZones("eu-west-1a")), "network.availabilityZones must list at least 2 zones", "got [eu-west-1a]");
    }

    @Test
    void rejectsARepeatedAvailabilityZone() {
        assertRejected("dev", b -> b.network(n -> n.availabilityZones("eu-west-1a", "eu-west-1a")), "network.availabilityZones must not repeat a zone", "got [eu-west-1a, eu-west-1a]");
    }

    @Test
    void rejectsAZoneOfAnotherRegion() {
        assertRejected("dev", b -> b.network(n -> n.availabilityZones("eu-west-1a", "us-east-1b")),
                "network.availabilityZones must be zones of region eu-west-1", "got 'us-east-1b'");
    }

    @Test
    void rejectsMoreReplicasThanZones() {
        assertRejected("dev", b -> b.database(d -> d.readReplicas(3)),
                "database.readReplicas must be at most the number of availability zones (2)", "got 3");
    }

    @Test
    void rejectsAnInvalidRegion() {
        assertRejected("dev", b -> b.region("Ireland"), "environment 'dev': region must be an AWS region name like eu-west-1", "got 'Ireland'");
    }

    @Test
    void rejectsAnAccountIdThatIsNotTwelveDigits() {
        assertRejected("dev", b -> b.accountId("12345"), "accountId must be the 12-digit AWS account id", "got '12345'");
    }

    @Test
    void rejectsAnInvalidStateBucketName() {
        assertRejected("dev", b -> b.stateBucket("My_Bucket"), "stateBackend.bucket must be an S3 bucket name", "got 'My_Bucket'");
    }

    @Test
    void rejectsAFlowLogRetentionCloudWatchDoesNotOffer() {
        assertRejected("dev", b -> b.network(n -> n.flowLogRetentionDays(10)), "network.flowLogRetentionDays must be a CloudWatch Logs retention period", "got 10");
    }

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0/16, 0.0.0.0/8",
        "127.0.0.0/16, 127.0.0.0/8",
        "169.254.0.0/16, 169.254.0.0/16",
        "224.1.0.0/16, 224.0.0.0/4",
        "255.255.0.0/16, 240.0.0.0/4"})
    void rejectsAVpcInASpecialPurposeRange(String cidr, String range) {
        assertRejected("dev", b -> b.network(n -> n.vpcCidr(cidr)), "environment 'dev': network.vpcCidr must not overlap " + range,
                "no VPC can route it; use a private range like 10.20.0.0/16", "got '" + cidr + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/16", "172.16.0.0/16", "192.168.0.0/16", "100.64.0.0/16", "52.16.0.0/16"})
    void acceptsTheVpcRangesAwsAllows(String cidr) {
        assertEquals(cidr, valid("dev", Tier.DEV, b -> b.network(n -> n.vpcCidr(cidr))).network().vpcCidr().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cn-north-1", "us-gov-west-1", "us-iso-east-1", "eusc-de-east-1"})
    void rejectsARegionOutsideTheCommercialPartition(String region) {
        assertRejected("dev", b -> b.region(region), "environment 'dev': region must be an AWS region name like eu-west-1: a commercial (aws"
                + " partition) region the AWS provider 5.100.0 knows, one of [af-south-1, ap-east-1, ap-east-2, ", "got '" + region + "'");
    }

    @Test
    void rejectsAMissingRegion() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> EnvironmentConfig.builder("dev", Tier.DEV)
                .accountId("444444444444")
                .stateBucket("storefront-dev-tfstate")
                .network(n -> n.vpcCidr("10.40.0.0/16"))
                .build());

        assertTrue(error.getMessage().startsWith("environment 'dev': region must be an AWS region name like eu-west-1"), error.getMessage());
        assertTrue(error.getMessage().endsWith("got null"), error.getMessage());
    }

    @Test
    void rejectsARegionTheAwsProviderDoesNotKnowYet() {
        assertRejected("dev", b -> b.region("ap-southeast-6"), "environment 'dev': region must be an AWS region name like eu-west-1",
                "ap-southeast-5, ap-southeast-7, ", "got 'ap-southeast-6'");
    }

    @Test
    void rejectsAStateRegionTheS3BackendDoesNotKnowYet() {
        assertRejected("dev", b -> b.region("ap-east-2"),
                "environment 'dev': stateBackend.region must be a region Terraform 1.11.4's S3 backend knows, which ap-east-2 is not yet",
                "keep the state bucket in another region with EnvironmentConfig.Builder#stateRegion", "got 'ap-east-2'");
    }

    @Test
    void acceptsAnEnvironmentWhoseStateLivesInAnotherRegion() {
        EnvironmentConfig taipei = valid("dev", Tier.DEV, b -> b.region("ap-east-2").stateRegion("ap-east-1"));

        assertEquals("ap-east-1", taipei.stateBackend().region());
        assertEquals(List.of("ap-east-2a", "ap-east-2b"), taipei.network().availabilityZones());
    }

    @Test
    void countsZonesByTheLettersTheRegionHas() {
        assertEquals(List.of("ca-central-1a", "ca-central-1b", "ca-central-1d"),
                valid("prod", Tier.PROD, b -> b.region("ca-central-1")).network().availabilityZones());
        assertEquals(List.of("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"),
                valid("prod", Tier.PROD, b -> b.region("ap-northeast-1")).network().availabilityZones());
    }

    @Test
    void rejectsMoreZonesThanTheRegionHas() {
        assertRejected("prod", b -> b.network(n -> n.availabilityZoneCount(4)),
                "environment 'prod': network.availabilityZoneCount must be at most 3, the zones eu-west-1 has (a, b, c); lower it, or name"
                        + " them with .network(n -> n.availabilityZones(...))", "got 4");
    }

    @Test
    void rejectsAZoneCountInARegionWhoseZoneNamesDifferBetweenAccounts() {
        assertRejected("dev", b -> b.region("us-west-1"),
                "environment 'dev': network.availabilityZoneCount cannot be turned into zone names in us-west-1, where each account sees"
                        + " its own zones; name them with .network(n -> n.availabilityZones(...)), as aws ec2 describe-availability-zones"
                        + " --region us-west-1 lists them for your account", "got 2");
    }

    @Test
    void acceptsNamedZonesInARegionWhoseZoneNamesDifferBetweenAccounts() {
        assertEquals(List.of("us-west-1b", "us-west-1c"),
                valid("dev", Tier.DEV, b -> b.region("us-west-1").network(n -> n.availabilityZones("us-west-1b", "us-west-1c")))
                        .network().availabilityZones());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1})
    void rejectsFewerThanTwoZones(int count) {
        assertRejected("dev", b -> b.network(n -> n.availabilityZoneCount(count)), "network.availabilityZoneCount must be at least 2",
                "got " + count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-central-2", "il-central-1", "mx-central-1", "ap-southeast-7", "ca-west-1"})
    void acceptsCommercialRegionsTerraformKnows(String region) {
        assertEquals(region, valid("dev", Tier.DEV, b -> b.region(region)).region());
    }

    @Test
    void namesTheEnvironmentInErrorsFromWithDatabase() {
        EnvironmentConfig prod = valid("prod", Tier.PROD, b -> b);

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> prod.withDatabase(d -> d.caCertificate("rds-ca-2019")));

        assertTrue(error.getMessage().startsWith("environment 'prod': database.caCertificate must be a certificate authority RDS offers"),
                error.getMessage());
    }

    @Test
    void namesTheEnvironmentInErrorsFromTheDatabaseSetter() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> valid("dev", Tier.DEV, b -> b.database(d -> d.storage(s -> s.allocatedGib(100).maxAllocatedGib(105)))));

        assertTrue(error.getMessage().startsWith("environment 'dev': database.storage.maxAllocatedGib must be allocatedGib (100, storage"
                        + " autoscaling off) or at least 10% above it"),
                error.getMessage());
    }

    private static EnvironmentConfig valid(String name, Tier tier, UnaryOperator<EnvironmentConfig.Builder> overrides) {
        return overrides.apply(EnvironmentConfig.builder(name, tier)
                .region("eu-west-1")
                .accountId("444444444444")
                .stateBucket("storefront-" + name.toLowerCase() + "-tfstate")
                .network(n -> n.vpcCidr("10.40.0.0/16"))
                .database(d -> d.observability(o -> o.alarmEmails("oncall@example.com")))).build();
    }

    @Test
    void rejectsABastionWithoutNatBecauseItCreatesTheRolesFromTheInternet() {
        assertRejected("dev", b -> b.network(n -> n.natGateways(NatGateways.NONE)).database(d -> d.access(a -> a.bastion(true))),
                "environment 'dev': network.natGateways must not be NONE with a bastion (database.access.bastion), which needs the internet",
                "choose NatGateways.SINGLE, or turn the bastion off", "got NONE");
    }

    @Test
    void acceptsNoNatWithoutABastion() {
        EnvironmentConfig isolated = valid("dev", Tier.DEV, b -> b.network(n -> n.natGateways(NatGateways.NONE))
                .database(d -> d.access(a -> a.bastion(false))));

        assertEquals(NatGateways.NONE, isolated.network().natGateways());
    }

    private static void assertRejected(String name, UnaryOperator<EnvironmentConfig.Builder> overrides, String... fragments) {
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> valid(name, Tier.DEV, overrides));
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "message should contain '" + fragment + "' but was: " + error.getMessage());
        }
    }
}
