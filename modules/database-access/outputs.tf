output "writer_endpoint" {
  description = "Hostname of the primary (writer) instance."
  value       = local.database.writer_endpoint
}

output "proxy_endpoint" {
  description = "Hostname of the environment's RDS Proxy in front of the primary; null when it has none. Connect with IAM tokens as the proxied user."
  value       = try(local.database.proxy_endpoint, null)
}

output "writer_connect_endpoint" {
  description = "Where writers connect: the RDS Proxy's endpoint when the environment has one, else the primary's."
  value       = coalesce(try(local.database.proxy_endpoint, null), local.database.writer_endpoint)
}

output "reader_endpoints" {
  description = "Hostnames of the read replicas, one per replica; empty when the environment has none."
  value       = try(local.database.reader_endpoints, null) == null ? [] : tolist(local.database.reader_endpoints)
}

output "port" {
  description = "Port the database listens on (5432)."
  value       = local.database.port
}

output "database_name" {
  description = "Name of the application database."
  value       = local.database.database_name
}

output "attached_policy_arns" {
  description = "ARNs of the IAM policies attached to var.role_name: the writer connect policy, then the replica connect policy when attached."
  value       = tolist(concat([aws_iam_role_policy_attachment.writer.policy_arn], aws_iam_role_policy_attachment.replica[*].policy_arn))
}
