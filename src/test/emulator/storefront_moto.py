"""moto_server, made faithful enough to deploy, re-plan and destroy the storefront stacks.

This is the one place where the emulator's defects are worked around: the constructs never are. Each patch
below makes moto answer as AWS does for a call the AWS provider makes; without it the provider either fails or
sees a change on every plan that AWS would not show. moto 5.2.1.

  1. RDS DbiResourceId: moto gives every instance the same one. The provider reads instances by it, so a
     primary with replicas reads back the wrong instance. Each instance gets its own.
  2. RDS read replicas: moto copies its source object, sharing its lists (tags, security groups, log
     exports), its Multi-AZ flag and its monitoring settings. A replica gets its own copies, is single-AZ
     unless asked (as CreateDBInstanceReadReplica is), and keeps only the settings its request gives.
  3. RDS Performance Insights, enhanced monitoring and lifecycle support: moto drops EnablePerformanceInsights,
     PerformanceInsightsKMSKeyId/RetentionPeriod, MonitoringInterval/RoleArn, DatabaseInsightsMode and
     EngineLifecycleSupport, and DescribeDBInstances reports them off. They are kept and reported.
  4. RDS parameter groups: DescribeDBParameters ignores its Source filter and parameters carry no Source, so
     the provider finds none of the user's parameters. User-set parameters are reported with Source=user
     and the filter applies.
  5. EC2 security group rules: a rule that references another group loses its description. It is kept.
  6. EC2 RunInstances: moto insists on a root volume size that EC2 takes from the AMI. An unsized root
     volume gets the Amazon Linux AMI's 8 GiB.
  7. EC2 DescribeInstances: security groups given on the network interface (as the provider does) are not
     reported as the instance's groups, and an empty public-IP association is reported, which the provider
     reads as a public IP. The groups are reported and the empty association is left out.
  8. EC2 MonitorInstances / UnmonitorInstances (detailed monitoring) are not implemented: the provider retries
     the failing call until it times out. They switch the instance's monitoring state, as EC2 does.

Usage: storefront_moto.py [moto_server options], e.g. --host 127.0.0.1 --port 5000, with MOTO_ACCOUNT_ID set
to the environment's account and MOTO_IAM_LOAD_MANAGED_POLICIES=true (the stacks attach AWS managed policies).
"""
import copy
import random
import string
import sys

import moto.ec2.models.elastic_network_interfaces as network_interfaces
import moto.ec2.models.instances as ec2_instances
import moto.ec2.models.security_groups as security_groups
import moto.ec2.responses.monitoring as monitoring_responses
import moto.ec2.responses.instances as instance_responses
import moto.rds.models as rds
import moto.rds.responses as rds_responses
from moto.core.responses import ActionResult

# 1. One DbiResourceId per instance.


def _resource_id():
    return "db-" + "".join(random.choices(string.ascii_uppercase + string.digits, k=26))


# 3. Request parameter -> the DBInstance field DescribeDBInstances reports it in.
_KEPT_INSTANCE_FIELDS = {
    "enable_performance_insights": "performance_insights_enabled",
    "performance_insights_kms_key_id": "performance_insights_kms_key_id",
    "performance_insights_retention_period": "performance_insights_retention_period",
    "monitoring_interval": "monitoring_interval",
    "monitoring_role_arn": "monitoring_role_arn",
    "database_insights_mode": "database_insights_mode",
    "engine_lifecycle_support": "engine_lifecycle_support",
}


def _keep_fields(instance, kwargs):
    for parameter, field in _KEPT_INSTANCE_FIELDS.items():
        if kwargs.get(parameter) is not None:
            setattr(instance, field, kwargs[parameter])


_instance_init = rds.DBInstance.__init__
_instance_update = rds.DBInstance.update


def _instance_init_faithfully(self, *args, **kwargs):
    _instance_init(self, *args, **kwargs)
    self.dbi_resource_id = _resource_id()
    _keep_fields(self, kwargs)


def _instance_update_faithfully(self, *args, **kwargs):
    _instance_update(self, *args, **kwargs)
    _keep_fields(self, kwargs)


rds.DBInstance.__init__ = _instance_init_faithfully
rds.DBInstance.update = _instance_update_faithfully

# 2. A replica of its own.


def _create_db_instance_read_replica(self, db_kwargs):
    source_id = db_kwargs["source_db_instance_identifier"]
    primary = self.find_db_from_id(source_id)
    if self.arn_regex.match(source_id):
        db_kwargs["backend"] = self
    replica = copy.copy(primary)
    for name, value in list(vars(primary).items()):
        if isinstance(value, (list, dict)):
            setattr(replica, name, copy.deepcopy(value))
    for field in _KEPT_INSTANCE_FIELDS.values():
        if field in vars(replica):
            delattr(replica, field)
    replica.dbi_resource_id = _resource_id()
    replica.multi_az = False
    replica.update(**db_kwargs)
    replica.set_as_replica()
    self.databases[db_kwargs["db_instance_identifier"]] = replica
    primary.add_replica(replica)
    return replica


rds.RDSBackend.create_db_instance_read_replica = _create_db_instance_read_replica

# 4. User parameters, reported as such.

_update_parameters = rds.DBParameterGroup.update_parameters


def _update_parameters_as_user(self, new_parameters):
    _update_parameters(self, new_parameters)
    for parameter in new_parameters:
        self.parameters[parameter["ParameterName"]]["Source"] = "user"


def _describe_db_parameters(self):
    name = self.params.get("DBParameterGroupName")
    groups = self.backend.describe_db_parameter_groups({"db_parameter_group_name": name})
    if not groups:
        raise rds.DBParameterGroupNotFoundError(name)
    source = self.params.get("Source")
    parameters = [p for p in groups[0].parameters.values() if source is None or p.get("Source") == source]
    return ActionResult({"Parameters": parameters})


rds.DBParameterGroup.update_parameters = _update_parameters_as_user
rds_responses.RDSResponse.describe_db_parameters = _describe_db_parameters

# 5. Descriptions of rules that reference a group.

security_groups.SecurityGroupRule.description = property(
    lambda self: self.ip_range.get("Description") or self.source_group.get("Description"))

# 6. A root volume sized like the AMI's.

_validate_block_device_mapping = instance_responses.InstanceResponse._validate_block_device_mapping


def _root_volume_sized_like_the_ami(device_mapping):
    ebs = device_mapping.get("Ebs")
    if isinstance(ebs, dict) and not ebs.get("VolumeSize") and not ebs.get("SnapshotId"):
        ebs["VolumeSize"] = 8
    _validate_block_device_mapping(device_mapping)


instance_responses.InstanceResponse._validate_block_device_mapping = staticmethod(_root_volume_sized_like_the_ami)

# 7. An instance's groups and public IP as EC2 reports them.

_ec2_instance_init = ec2_instances.Instance.__init__
_nic_association = network_interfaces.NetworkInterface.association.fget


def _ec2_instance_init_with_nic_groups(self, *args, **kwargs):
    _ec2_instance_init(self, *args, **kwargs)
    if not self.security_groups and self.nics:
        self.security_groups = list(self.nics[0]._group_set)


ec2_instances.Instance.__init__ = _ec2_instance_init_with_nic_groups
network_interfaces.NetworkInterface.association = property(
    lambda self: _nic_association(self) if self.public_ip else None)

# 8. Detailed monitoring switched on and off.


def _set_monitoring(state):
    def action(self):
        monitorings = []
        for instance_id in self._get_param("InstanceIds", []):
            self.ec2_backend.get_instance(instance_id).monitoring_state = state
            monitorings.append({"InstanceId": instance_id, "Monitoring": {"State": state}})
        return ActionResult({"InstanceMonitorings": monitorings})

    return action


monitoring_responses.Monitoring.monitor_instances = _set_monitoring("enabled")
monitoring_responses.Monitoring.unmonitor_instances = _set_monitoring("disabled")

if __name__ == "__main__":
    from moto.server import main

    main(sys.argv[1:])
