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
  9. The Serverless Application Repository is not emulated at all, so AWS's rotation function (published there)
     cannot be deployed. GetApplication and CreateCloudFormationChangeSet are answered for every application with
     a stand-in template of the same shape as SecretsManagerRDSPostgreSQLRotationSingleUser's: its parameters, an
     IAM role and a Lambda function in the given subnets and groups, and its RotationLambdaARN output. The stack
     is tagged with the application and version and reports the capabilities it was created with, as with AWS.
 10. CloudFormation: executing a change set creates its resources but leaves the stack without the template's
     outputs. The stack takes the change set's template and outputs, as CreateStack would.
 11. Lambda runs functions only in Docker. The stand-in rotation function does in-process what AWS's single-user
     PostgreSQL function does (createSecret: a new password in the pending version; setSecret: the instance
     named by the secret's host takes it; testSecret: the secret carries engine, host, port, username,
     password and dbname, and the instance has the password; finishSecret: AWSCURRENT moves to the new version
     and AWSPENDING goes), so RotateSecret rotates the secret and the instance together.
 12. Repeated attempts: on a loaded machine the provider's SDK can repeat a request whose answer it did not receive
     in time, and moto then refuses the repeat of a create as a duplicate of what the first attempt made (seen in CI
     for CreateEventSubscription and CreateBackupPlan). Every attempt of one SDK call carries the call's
     amz-sdk-invocation-id, so a repeat waits for the attempt before it and, if that one succeeded, is answered as it
     was, as an idempotent AWS API answers a retry; a repeat of a failed attempt is tried afresh. Each replay is
     logged to the emulator's log.
 13. AWS Backup selections (CreateBackupSelection, GetBackupSelection, ListBackupSelections,
     DeleteBackupSelection) are not implemented: the provider retries the failing create until it times out, so
     the disaster-recovery backup plan could never name the primary. They are kept per plan and answered in
     AWS's shape; DeleteBackupPlan refuses a plan that still has selections, as AWS does.
 14. AWS Backup UpdateBackupPlan is not implemented: a changed rule (a retention, a schedule, the copy
     action's lifecycle) fails instead of updating the plan in place. The plan takes the new rules and a new
     version id, as AWS gives it.
 15. AWS Backup ListTags takes the resource ARN from the wrong path segment when the request has no trailing
     slash (as the provider's SDK sends it), so every vault and plan reads back with no tags and every plan
     shows the default tags as a change. The ARN is the whole path after /tags/.
 16. AWS Backup CreateBackupPlan refuses the name of a deleted plan (moto keeps deleted plans to report their
     DeletionDate), so a plan cannot be made again after a destroy. Only plans not deleted hold their names, as in AWS.
 17. State Manager associations (CreateAssociation and the rest) do not exist in moto; they are kept and described as
     AWS does, and tagged, but never run: moto has no agent on its instances. Each reports the success AWS reports
     once the agent ran it, so a deploy waiting for it goes on.
 18. AWS Backup ListRecoveryPointsByBackupVault is not routed: the provider lists a vault's recovery points to delete
     them before it deletes a force_destroy vault, and fails on moto's 404. A vault moto knows is answered with none,
     as moto runs no backup jobs; an unknown vault is refused as AWS refuses it.
 19. EC2 encrypts a volume given no key with the account's alias/aws/ebs key, which AWS creates as an AWS managed key;
     moto creates a customer managed one, which then reads as a key left behind by whoever encrypted a volume first
     (the bastion's root volume). It is reported as AWS managed.
 20. RDS AddSourceIdentifierToSubscription and RemoveSourceIdentifierFromSubscription are not implemented: the
     provider changes an event subscription's sources with them (a replica added or removed) and retries the failing
     call until it times out. The subscription takes or loses the source, as with AWS.

Usage: storefront_moto.py [moto_server options], e.g. --host 127.0.0.1 --port 5000, with MOTO_ACCOUNT_ID set
to the environment's account. AWS managed IAM policies are loaded (the stacks attach some).
"""
import collections
import copy
import datetime
import json
import os
import random
import re
import string
import sys
import threading
import uuid
from urllib.parse import unquote

# moto reads this when IAM is first used; the enhanced monitoring and SSM roles attach AWS managed policies.
os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")

import moto

# The patches replace moto 5.2.1's internals by name: on another version an assignment to a renamed method would
# succeed and patch nothing, and the stacks would meet moto's defects again without a word.
if moto.__version__ != "5.2.1":
    sys.exit(f"storefront_moto.py patches moto 5.2.1, found moto {moto.__version__}: pip install 'moto[server]==5.2.1'")

import moto.ec2.models.elastic_block_store as ebs
import moto.ec2.models.elastic_network_interfaces as network_interfaces
import moto.ec2.models.instances as ec2_instances
import moto.ec2.models.security_groups as security_groups
import moto.ec2.responses.monitoring as monitoring_responses
import moto.ec2.responses.instances as instance_responses
import moto.awslambda.models as awslambda
import moto.backup.models as backup
import moto.backup.responses as backup_responses
import moto.backup.urls as backup_urls
import moto.cloudformation.models as cloudformation
import moto.kms.models as kms_models
import moto.rds.models as rds
import moto.rds.responses as rds_responses
import moto.secretsmanager.models as secretsmanager
import moto.ssm.exceptions as ssm_exceptions
import moto.ssm.models as ssm_models
import moto.ssm.responses as ssm_responses
from moto.core import DEFAULT_ACCOUNT_ID
from moto.backup.exceptions import InvalidRequestException as BackupInvalidRequestException
from moto.backup.exceptions import ResourceNotFoundException as BackupNotFoundException
from moto.core.responses import ActionResult, EmptyResult
from moto.core.utils import unix_time
from moto.moto_api._internal import mock_random
from moto.moto_server.werkzeug_app import DomainDispatcherApplication
from moto.secretsmanager.exceptions import InvalidRequestException
from moto.secretsmanager.utils import random_password

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

# 9. A Serverless Application Repository serving a stand-in of the PostgreSQL rotation function.

_APPLICATION_VERSION = "1.1.0-emulated"
_ROTATION_APPLICATION = {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Description": "Stand-in for SecretsManagerRDSPostgreSQLRotationSingleUser (storefront_moto.py)",
    "Parameters": {
        "endpoint": {"Type": "String"},
        "functionName": {"Type": "String"},
        "vpcSubnetIds": {"Type": "String", "Default": ""},
        "vpcSecurityGroupIds": {"Type": "String", "Default": ""},
        "kmsKeyArn": {"Type": "String", "Default": ""},
        "excludeCharacters": {"Type": "String", "Default": "/@\"'\\"},
        "invokingServicePrincipal": {"Type": "String", "Default": "secretsmanager.amazonaws.com"},
    },
    "Resources": {
        "RotationRole": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}},
        "SecretsManagerRDSPostgreSQLRotationSingleUser": {"Type": "AWS::Lambda::Function", "Properties": {
            "FunctionName": {"Ref": "functionName"},
            "Runtime": "python3.12",
            "Handler": "lambda_function.lambda_handler",
            "Role": {"Fn::GetAtt": ["RotationRole", "Arn"]},
            "Code": {"ZipFile": "def lambda_handler(event, context):\n    pass\n"},
            "Environment": {"Variables": {"SECRETS_MANAGER_ENDPOINT": {"Ref": "endpoint"},
                                          "EXCLUDE_CHARACTERS": {"Ref": "excludeCharacters"}}},
            "VpcConfig": {"SubnetIds": {"Fn::Split": [",", {"Ref": "vpcSubnetIds"}]},
                          "SecurityGroupIds": {"Fn::Split": [",", {"Ref": "vpcSecurityGroupIds"}]}},
        }},
    },
    "Outputs": {"RotationLambdaARN": {"Value": {"Fn::GetAtt": ["SecretsManagerRDSPostgreSQLRotationSingleUser", "Arn"]}}},
}


def _credential_scope(environ):
    try:
        _, _, region, service, _ = environ.get("HTTP_AUTHORIZATION", "").split(",")[0].split()[1].split("/")
        return region, service
    except (IndexError, ValueError):
        return None, None


def _serverless_repository(environ, region):
    application = re.match(r"^/applications/(.+?)(/changesets)?$", environ["PATH_INFO"])
    if application is None:
        return "404 Not Found", {"message": "not emulated: " + environ["PATH_INFO"]}
    application_id = unquote(application.group(1))
    if environ["REQUEST_METHOD"] == "GET":
        return "200 OK", {"applicationId": application_id, "name": application_id.rsplit("/", 1)[-1], "version": {
            "applicationId": application_id,
            "semanticVersion": _APPLICATION_VERSION,
            "parameterDefinitions": [{"name": name, "type": "String", "defaultValue": p.get("Default")}
                                     for name, p in _ROTATION_APPLICATION["Parameters"].items()],
            "requiredCapabilities": ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"],
            "resourcesSupported": True,
            "templateUrl": "https://emulator.invalid/rotation.json"}}
    request = json.loads(environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)) or b"{}")
    account = os.environ.get("MOTO_ACCOUNT_ID", DEFAULT_ACCOUNT_ID)
    backend = cloudformation.cloudformation_backends[account][region]
    stack_name = "serverlessrepo-" + request["stackName"]
    exists = any(stack.name == stack_name and stack.status != "DELETE_COMPLETE" for stack in backend.stacks.values())
    version = request.get("semanticVersion") or _APPLICATION_VERSION
    tags = {tag["key"]: tag["value"] for tag in request.get("tags") or []}
    tags.update({"serverlessrepo:applicationId": application_id, "serverlessrepo:semanticVersion": version})
    change_set_id, stack_id = backend.create_change_set(
        stack_name=stack_name, change_set_name="a" + uuid.uuid4().hex, template=json.dumps(_ROTATION_APPLICATION),
        parameters={p["name"]: p["value"] for p in request.get("parameterOverrides") or []}, description="",
        change_set_type="UPDATE" if exists else "CREATE", tags=tags)
    # CloudFormation reports the capabilities the repository created the stack with; moto keeps none.
    backend.stacks[stack_id].capabilities = sorted(request.get("capabilities") or [])
    return "201 Created", {"applicationId": application_id, "changeSetId": change_set_id, "semanticVersion": version,
                           "stackId": stack_id}


_dispatch = DomainDispatcherApplication.__call__


def _dispatch_with_serverless_repository(self, environ, start_response):
    region, service = _credential_scope(environ)
    if service != "serverlessrepo":
        return _dispatch(self, environ, start_response)
    status, body = _serverless_repository(environ, region)
    start_response(status, [("Content-Type", "application/json")])
    return [json.dumps(body).encode()]


DomainDispatcherApplication.__call__ = _dispatch_with_serverless_repository


# 12. A repeated attempt of an SDK call is answered as the attempt before it was. It wraps every request, patch 9's
#     included, so it stands here, after 9.

class _Call:
    def __init__(self):
        self.lock = threading.Lock()
        self.answer = None


_calls = collections.OrderedDict()
_calls_lock = threading.Lock()


def _answer_each_call_once(self, environ, start_response):
    invocation = environ.get("HTTP_AMZ_SDK_INVOCATION_ID")
    if invocation is None or environ["REQUEST_METHOD"] in ("GET", "HEAD"):
        return _dispatch_with_serverless_repository(self, environ, start_response)
    with _calls_lock:
        call = _calls.setdefault(invocation, _Call())
        while len(_calls) > 10000:
            _calls.popitem(last=False)
    # Attempts of one call take turns: a repeat that arrives while the first is still being answered waits for it.
    with call.lock:
        if call.answer is not None and call.answer[0].startswith("2"):
            print(f"storefront_moto: replayed the answer to call {invocation} for its attempt "
                  f"{environ.get('HTTP_AMZ_SDK_REQUEST', '?')}: {environ['REQUEST_METHOD']} {environ['PATH_INFO']}",
                  file=sys.stderr, flush=True)
        else:
            answered = {}

            def keep(status, headers, exc_info=None):
                answered["status"], answered["headers"] = status, headers
                return lambda data: None

            chunks = _dispatch_with_serverless_repository(self, environ, keep)
            try:
                body = b"".join(chunks)
            finally:
                if hasattr(chunks, "close"):
                    chunks.close()
            call.answer = (answered["status"], answered["headers"], body)
    status, headers, body = call.answer
    start_response(status, headers)
    return [body]


DomainDispatcherApplication.__call__ = _answer_each_call_once

# 10. A stack made by a change set has the change set's template and outputs.

_apply_change_set = cloudformation.ChangeSet.apply


def _apply_change_set_with_outputs(self):
    _apply_change_set(self)
    self.stack.template = self.template
    self.stack.template_dict = self.template_dict
    self.stack.output_map = self.stack._create_output_map()


cloudformation.ChangeSet.apply = _apply_change_set_with_outputs

# 11. The rotation function, run in-process.

_ROTATION_KEYS = {"engine", "host", "port", "username", "password", "dbname"}


def _rotate(function, event):
    backend = secretsmanager.secretsmanager_backends[function.account_id][function.region]
    secret = backend.secrets[event["SecretId"]]
    token, step = event["ClientRequestToken"], event["Step"]
    pending = secret.versions[token]
    current_id = next(v for v, version in secret.versions.items() if "AWSCURRENT" in version["version_stages"])
    if step == "createSecret" and not pending.get("secret_string"):
        credentials = json.loads(secret.versions[current_id]["secret_string"])
        exclude = function.environment_vars.get("EXCLUDE_CHARACTERS", "")
        credentials["password"] = random_password(32, exclude, False, False, False, False, False, True)
        pending["secret_string"] = json.dumps(credentials)
    elif step in ("setSecret", "testSecret"):
        credentials = json.loads(pending["secret_string"])
        missing = _ROTATION_KEYS - credentials.keys()
        if missing:
            raise ValueError(f"the secret lacks {sorted(missing)}, which the rotation function reads")
        databases = rds.rds_backends[function.account_id][function.region].databases.values()
        instance = next((db for db in databases if db.address == credentials["host"]), None)
        if instance is None:
            raise ValueError(f"no instance has the secret's host {credentials['host']}")
        if step == "setSecret":
            instance.master_user_password = credentials["password"]
        # moto keeps the password it will not return; the real function logs in with it instead.
        elif instance._master_user_password != credentials["password"]:
            raise ValueError("the instance does not take the pending password")
    elif step == "finishSecret":
        backend.update_secret_version_stage(event["SecretId"], "AWSCURRENT", remove_from_version_id=current_id,
                                            move_to_version_id=token)
        pending["version_stages"].remove("AWSPENDING")


_invoke = awslambda.LambdaFunction.invoke


def _invoke_rotation_in_process(self, body, request_headers, response_headers):
    event = json.loads(body) if body else {}
    if "ClientRequestToken" not in event or "Step" not in event:
        return _invoke(self, body, request_headers, response_headers)
    try:
        _rotate(self, event)
    except (KeyError, ValueError) as failure:
        # AWS reports a failed step in the function's logs and leaves the secret pending; here the call says why.
        raise InvalidRequestException(f"the rotation function {self.function_name} failed at {event['Step']}: {failure}")
    return b"null"


awslambda.LambdaFunction.invoke = _invoke_rotation_in_process

# 13. Backup selections, kept per plan.


def _selections(backend, plan_id):
    if plan_id not in backend.plans or backend.plans[plan_id].deletion_date is not None:
        raise BackupNotFoundException(msg=f"Backup plan {plan_id} not found")
    if not hasattr(backend, "storefront_selections"):
        backend.storefront_selections = {}
    return backend.storefront_selections.setdefault(plan_id, {})


def _selection_path(response):
    """(plan id, selection id or None) of /backup/plans/<plan>/selections[/<selection>]."""
    parts = [unquote(part) for part in response.path.split("?")[0].strip("/").split("/")]
    return parts[2], parts[4] if len(parts) > 4 and parts[4] else None


def _create_backup_selection(self):
    plan_id, _ = _selection_path(self)
    params = json.loads(self.body)
    selections = _selections(self.backup_backend, plan_id)
    selection = {
        "SelectionId": str(mock_random.uuid4()),
        "BackupPlanId": plan_id,
        "BackupSelection": params["BackupSelection"],
        "CreationDate": unix_time(),
        "CreatorRequestId": params.get("CreatorRequestId"),
    }
    selections[selection["SelectionId"]] = selection
    return json.dumps({key: selection[key] for key in ("SelectionId", "BackupPlanId", "CreationDate")})


def _get_backup_selection(self):
    plan_id, selection_id = _selection_path(self)
    selection = _selections(self.backup_backend, plan_id).get(selection_id)
    if selection is None:
        raise BackupNotFoundException(msg=f"Backup selection {selection_id} not found")
    return json.dumps({key: value for key, value in selection.items() if value is not None})


def _list_backup_selections(self):
    plan_id, _ = _selection_path(self)
    listed = [{
        "SelectionId": selection["SelectionId"],
        "SelectionName": selection["BackupSelection"]["SelectionName"],
        "BackupPlanId": plan_id,
        "CreationDate": selection["CreationDate"],
        "IamRoleArn": selection["BackupSelection"]["IamRoleArn"],
    } for selection in _selections(self.backup_backend, plan_id).values()]
    return json.dumps({"BackupSelectionsList": listed})


def _delete_backup_selection(self):
    plan_id, selection_id = _selection_path(self)
    if _selections(self.backup_backend, plan_id).pop(selection_id, None) is None:
        raise BackupNotFoundException(msg=f"Backup selection {selection_id} not found")
    return "{}"


_delete_backup_plan = backup.BackupBackend.delete_backup_plan


def _delete_backup_plan_without_selections(self, backup_plan_id):
    if getattr(self, "storefront_selections", {}).get(backup_plan_id):
        raise BackupInvalidRequestException(msg="Related backup plan selections must be deleted prior to backup plan deletion")
    return _delete_backup_plan(self, backup_plan_id)


backup_responses.BackupResponse.create_backup_selection = _create_backup_selection
backup_responses.BackupResponse.get_backup_selection = _get_backup_selection
backup_responses.BackupResponse.list_backup_selections = _list_backup_selections
backup_responses.BackupResponse.delete_backup_selection = _delete_backup_selection
backup.BackupBackend.delete_backup_plan = _delete_backup_plan_without_selections

# 14. A backup plan updated in place.


def _update_backup_plan(self):
    plan_id = unquote(self.path.split("?")[0].rstrip("/").split("/plans/")[-1])
    plan = self.backup_backend.get_backup_plan(backup_plan_id=plan_id, version_id=None)
    if plan.deletion_date is not None:
        raise BackupNotFoundException(msg=f"Backup plan {plan_id} not found")
    updated = backup.Plan(backup_plan=json.loads(self.body)["BackupPlan"], creator_request_id=plan.creator_request_id,
                          backend=self.backup_backend)
    plan.backup_plan = updated.backup_plan
    plan.advanced_backup_settings = updated.advanced_backup_settings
    plan.version_id = updated.version_id
    return json.dumps(plan.to_dict())


backup_responses.BackupResponse.update_backup_plan = _update_backup_plan

# 15. ListTags of the ARN the request names.


def _list_tags_of_the_path(self):
    resource_arn = unquote(self.path.split("?")[0].split("/tags/", 1)[1].rstrip("/"))
    return json.dumps({"Tags": self.backup_backend.list_tags(resource_arn=resource_arn)})


backup_responses.BackupResponse.list_tags = _list_tags_of_the_path

# 16. A deleted plan's name is free again.

_create_backup_plan = backup.BackupBackend.create_backup_plan


def _create_backup_plan_beside_deleted_ones(self, backup_plan, backup_plan_tags, creator_request_id):
    deleted = {plan_id: plan for plan_id, plan in self.plans.items() if plan.deletion_date is not None}
    for plan_id in deleted:
        del self.plans[plan_id]
    try:
        return _create_backup_plan(self, backup_plan, backup_plan_tags, creator_request_id)
    finally:
        self.plans.update(deleted)


backup.BackupBackend.create_backup_plan = _create_backup_plan_beside_deleted_ones

# 17. State Manager associations, kept and described (moto has none). Nothing runs them: moto has no agent on its
#     instances. An association reports the status AWS reports once the instance's agent ran the document
#     successfully, so that a deploy waiting for it goes on; what the document's script does is proven on a real
#     PostgreSQL by the tests, not here.

_associations = {}


class _AssociationDoesNotExist(ssm_exceptions.SSMException):
    def __init__(self):
        super().__init__("AssociationDoesNotExist", "The specified association does not exist.")


def _associations_of(response):
    return _associations.setdefault((response.current_account, response.region), {})


def _association(response):
    association = _associations_of(response).get(response._get_param("AssociationId"))
    if association is None:
        raise _AssociationDoesNotExist()
    return association


def _create_association(self):
    request = json.loads(self.body)
    now = datetime.datetime.now(datetime.timezone.utc)
    association = {key: value for key, value in request.items() if key != "Tags"}
    association.update({
        "AssociationId": str(uuid.uuid4()),
        "AssociationVersion": "1",
        "DocumentVersion": request.get("DocumentVersion", "$DEFAULT"),
        "Date": now,
        "LastUpdateAssociationDate": now,
        "Overview": {"Status": "Success", "DetailedStatus": "Success", "AssociationStatusAggregatedCount": {"Success": 1}},
    })
    _associations_of(self)[association["AssociationId"]] = association
    tags = {tag["Key"]: tag["Value"] for tag in request.get("Tags", [])}
    self.ssm_backend._resource_tags["Association"][association["AssociationId"]] = tags
    return ActionResult({"AssociationDescription": association})


def _describe_association(self):
    return ActionResult({"AssociationDescription": _association(self)})


def _update_association(self):
    association = _association(self)
    association.update({key: value for key, value in json.loads(self.body).items() if key != "AssociationVersion"})
    association["AssociationVersion"] = str(int(association["AssociationVersion"]) + 1)
    association["LastUpdateAssociationDate"] = datetime.datetime.now(datetime.timezone.utc)
    return ActionResult({"AssociationDescription": association})


def _delete_association(self):
    _association(self)
    del _associations_of(self)[self._get_param("AssociationId")]
    return EmptyResult()


def _list_associations(self):
    return ActionResult({"Associations": [
        {key: association[key] for key in ("AssociationId", "AssociationVersion", "Name", "DocumentVersion", "Targets",
                                           "AssociationName") if key in association}
        for association in _associations_of(self).values()]})


_validate_tagged_resource = ssm_models.SimpleSystemManagerBackend._validate_resource_type_and_id


def _validate_tagged_resource_or_association(self, resource_type, resource_id):
    if resource_type == "Association":
        return resource_id
    return _validate_tagged_resource(self, resource_type, resource_id)


ssm_responses.SimpleSystemManagerResponse.create_association = _create_association
ssm_responses.SimpleSystemManagerResponse.describe_association = _describe_association
ssm_responses.SimpleSystemManagerResponse.update_association = _update_association
ssm_responses.SimpleSystemManagerResponse.delete_association = _delete_association
ssm_responses.SimpleSystemManagerResponse.list_associations = _list_associations
ssm_models.SimpleSystemManagerBackend._validate_resource_type_and_id = _validate_tagged_resource_or_association

# 18. A vault's recovery points: moto runs no backup jobs, so a vault it knows holds none.


def _list_no_recovery_points(self):
    vault_name = unquote(self.path.split("?")[0].split("/backup-vaults/", 1)[1].split("/", 1)[0])
    self.backup_backend.describe_backup_vault(backup_vault_name=vault_name)
    return json.dumps({"RecoveryPoints": []})


backup_urls.url_paths["{0}/backup-vaults/(?P<name>[^/]+)/recovery-points/$"] = backup_urls.response.dispatch
backup_responses.BackupResponse.list_recovery_points_by_backup_vault = _list_no_recovery_points

# 19. The EBS default key is AWS managed.

_create_default_encryption_key = ebs.EBSBackend._create_default_encryption_key


def _aws_managed_default_encryption_key(self):
    arn = _create_default_encryption_key(self)
    kms_models.kms_backends[self.account_id][self.region_name].describe_key(arn).key_manager = "AWS"
    return arn


ebs.EBSBackend._create_default_encryption_key = _aws_managed_default_encryption_key

# 20. Sources added to and removed from an RDS event subscription.


def _subscription(response):
    return response.backend.describe_event_subscriptions(response.params.get("SubscriptionName"))[0]


def _add_source_identifier_to_subscription(self):
    subscription = _subscription(self)
    source = self.params.get("SourceIdentifier")
    if source not in subscription.source_ids:
        subscription.source_ids = subscription.source_ids + [source]
    return ActionResult({"EventSubscription": subscription})


def _remove_source_identifier_from_subscription(self):
    subscription = _subscription(self)
    subscription.source_ids = [s for s in subscription.source_ids if s != self.params.get("SourceIdentifier")]
    return ActionResult({"EventSubscription": subscription})


rds_responses.RDSResponse.add_source_identifier_to_subscription = _add_source_identifier_to_subscription
rds_responses.RDSResponse.remove_source_identifier_from_subscription = _remove_source_identifier_from_subscription

if __name__ == "__main__":
    from moto.server import main

    main(sys.argv[1:])
