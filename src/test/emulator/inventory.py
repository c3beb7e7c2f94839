"""Prints, one per line and sorted, every resource the storefront stacks can create that an AWS endpoint holds.

Usage: inventory.py ENDPOINT_URL REGION
Resources AWS itself provides (the default VPC and its parts, AWS managed policies, default parameter groups)
are left out, so a fresh account and a torn-down environment print the same lines.
"""
import sys

import boto3

endpoint, region = sys.argv[1], sys.argv[2]


def client(service):
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id="emulator", aws_secret_access_key="emulator")


def pages(service, operation, key, **kwargs):
    paginator = client(service).get_paginator(operation)
    for page in paginator.paginate(**kwargs):
        yield from page.get(key, [])


lines = []
ec2 = client("ec2")
# Everything outside the account's default VPC, whether or not its own VPC still stands: moto deletes a VPC that
# still holds security groups, subnets or an attached gateway, which AWS refuses, so one left behind by a destroy
# would otherwise go unseen.
vpcs = ec2.describe_vpcs()["Vpcs"]
default_vpcs = {v["VpcId"] for v in vpcs if v.get("IsDefault")}
lines += [f"ec2:vpc:{v['VpcId']}" for v in vpcs if v["VpcId"] not in default_vpcs]
lines += [f"ec2:subnet:{s['SubnetId']}" for s in ec2.describe_subnets()["Subnets"] if s["VpcId"] not in default_vpcs]
lines += [f"ec2:route-table:{t['RouteTableId']}" for t in ec2.describe_route_tables()["RouteTables"] if t["VpcId"] not in default_vpcs]
lines += [f"ec2:internet-gateway:{g['InternetGatewayId']}" for g in ec2.describe_internet_gateways()["InternetGateways"]
          if not any(a["VpcId"] in default_vpcs for a in g.get("Attachments", []))]
lines += [f"ec2:nat-gateway:{g['NatGatewayId']}" for g in ec2.describe_nat_gateways()["NatGateways"] if g["State"] != "deleted"]
lines += [f"ec2:address:{a['AllocationId']}" for a in ec2.describe_addresses()["Addresses"]]
lines += [f"ec2:security-group:{g['GroupId']}" for g in ec2.describe_security_groups()["SecurityGroups"]
          if g.get("VpcId") not in default_vpcs]
lines += [f"ec2:flow-log:{f['FlowLogId']}" for f in ec2.describe_flow_logs()["FlowLogs"]]
lines += [f"ec2:vpc-endpoint:{e['VpcEndpointId']}" for e in ec2.describe_vpc_endpoints()["VpcEndpoints"] if e["State"] != "deleted"]
lines += [f"ec2:instance:{i['InstanceId']}" for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]
          if i["State"]["Name"] not in ("terminated", "shutting-down")]

kms = client("kms")
for key in pages("kms", "list_keys", "Keys"):
    metadata = kms.describe_key(KeyId=key["KeyId"])["KeyMetadata"]
    if metadata.get("KeyManager") == "CUSTOMER" and metadata["KeyState"] != "PendingDeletion":
        lines.append(f"kms:key:{key['KeyId']}")
lines += [f"kms:alias:{a['AliasName']}" for a in pages("kms", "list_aliases", "Aliases") if not a["AliasName"].startswith("alias/aws/")]

lines += [f"logs:log-group:{g['logGroupName']}" for g in pages("logs", "describe_log_groups", "logGroups")]
lines += [f"iam:role:{r['RoleName']}" for r in pages("iam", "list_roles", "Roles") if not r["Path"].startswith("/aws-service-role/")]
lines += [f"iam:policy:{p['PolicyName']}" for p in pages("iam", "list_policies", "Policies", Scope="Local")]
lines += [f"iam:instance-profile:{p['InstanceProfileName']}" for p in pages("iam", "list_instance_profiles", "InstanceProfiles")]

rds = client("rds")
lines += [f"rds:db-instance:{d['DBInstanceIdentifier']}" for d in rds.describe_db_instances()["DBInstances"]]
lines += [f"rds:parameter-group:{g['DBParameterGroupName']}" for g in rds.describe_db_parameter_groups()["DBParameterGroups"]
          if not g["DBParameterGroupName"].startswith("default.")]
lines += [f"rds:subnet-group:{g['DBSubnetGroupName']}" for g in rds.describe_db_subnet_groups()["DBSubnetGroups"]
          if g["DBSubnetGroupName"] != "default"]
lines += [f"rds:event-subscription:{s['CustSubscriptionId']}" for s in rds.describe_event_subscriptions()["EventSubscriptionsList"]]
lines += [f"rds:snapshot:{s['DBSnapshotIdentifier']}" for s in rds.describe_db_snapshots(SnapshotType="manual")["DBSnapshots"]]
for proxy in rds.describe_db_proxies()["DBProxies"]:
    lines.append(f"rds:proxy:{proxy['DBProxyName']}:tls={proxy.get('RequireTLS')}")
    lines += [f"rds:proxy-target:{proxy['DBProxyName']}:{t.get('RdsResourceId')}"
              for t in rds.describe_db_proxy_targets(DBProxyName=proxy["DBProxyName"])["Targets"]]

ssm = client("ssm")
lines += [f"ssm:document:{d['Name']}" for d in pages("ssm", "list_documents", "DocumentIdentifiers", Filters=[{"Key": "Owner", "Values": ["Self"]}])]
# One line per association: what it runs, which version, on which instances.
lines += [f"ssm:association:{a.get('AssociationName')}:{a['Name']}:{a['DocumentVersion']}:"
          + ",".join(v for t in a.get("Targets", []) for v in t["Values"]) for a in ssm.list_associations()["Associations"]]

lines += [f"secretsmanager:secret:{s['Name']}" for s in pages("secretsmanager", "list_secrets", "SecretList")]
lines += [f"s3:bucket:{b['Name']}" for b in client("s3").list_buckets()["Buckets"]]
lines += [f"sns:topic:{t['TopicArn']}" for t in pages("sns", "list_topics", "Topics")]
lines += [f"sns:subscription:{s['SubscriptionArn']}" for s in pages("sns", "list_subscriptions", "Subscriptions")]
lines += [f"cloudwatch:alarm:{a['AlarmName']}" for a in pages("cloudwatch", "describe_alarms", "MetricAlarms")]
lines += [f"cloudformation:stack:{s['StackName']}" for s in pages("cloudformation", "list_stacks", "StackSummaries")
          if s["StackStatus"] != "DELETE_COMPLETE"]
lines += [f"lambda:function:{f['FunctionName']}" for f in pages("lambda", "list_functions", "Functions")]
lines += [f"cloudwatch:dashboard:{d['DashboardName']}" for d in pages("cloudwatch", "list_dashboards", "DashboardEntries")]
events = client("events")
for rule in pages("events", "list_rules", "Rules"):
    lines.append(f"events:rule:{rule['Name']}")
    lines += [f"events:target:{rule['Name']}:{t['Arn']}" for t in events.list_targets_by_rule(Rule=rule["Name"])["Targets"]]

backup = client("backup")
lines += [f"backup:vault:{v['BackupVaultName']}" for v in backup.list_backup_vaults()["BackupVaultList"]]
for summary in backup.list_backup_plans()["BackupPlansList"]:
    plan = backup.get_backup_plan(BackupPlanId=summary["BackupPlanId"])["BackupPlan"]
    lines.append(f"backup:plan:{plan['BackupPlanName']}")
    # One line per copy action: where each rule's recovery points are copied, and for how long.
    for rule in plan["Rules"]:
        for copy in rule.get("CopyActions", []):
            days = copy.get("Lifecycle", {}).get("DeleteAfterDays")
            lines.append(f"backup:copy:{plan['BackupPlanName']}:{rule['RuleName']}:{copy['DestinationBackupVaultArn']}:{days}")
    lines += [f"backup:selection:{plan['BackupPlanName']}:{s['SelectionName']}"
              for s in backup.list_backup_selections(BackupPlanId=summary["BackupPlanId"])["BackupSelectionsList"]]

print("\n".join(sorted(lines)))
