output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.package_generation.function_name
}

output "function_arn" {
  description = "ARN of the Lambda function (unqualified)."
  value       = aws_lambda_function.package_generation.arn
}

output "function_alias_arn" {
  description = "ARN of the `live` alias, the version the queue invokes."
  value       = aws_lambda_alias.live.arn
}

output "function_version" {
  description = "The published version the alias points at."
  value       = aws_lambda_function.package_generation.version
}

output "log_group_name" {
  description = "The function's log group (JSON lines; queries in the main README, Operations)."
  value       = aws_cloudwatch_log_group.function.name
}

output "state_table_name" {
  description = "Name of the generation-state table (GENERATION_STATE_TABLE)."
  value       = aws_dynamodb_table.generation_state.name
}

output "state_table_arn" {
  description = "ARN of the generation-state table."
  value       = aws_dynamodb_table.generation_state.arn
}

output "package_generated_topic_arn" {
  description = "ARN of the package-generated SNS topic, for subscribers."
  value       = aws_sns_topic.package_generated.arn
}

output "voice_session_queue_arn" {
  description = "ARN of the voice-session queue the function consumes (created here or passed in)."
  value       = local.voice_session_queue_arn
}

output "voice_session_queue_url" {
  description = "URL of the voice-session queue when this stack created it, else null."
  value       = var.create_voice_session_queue ? aws_sqs_queue.voice_sessions[0].url : null
}

output "dlq_arn" {
  description = "ARN of the voice-session DLQ: the queue owner's redrive_policy deadLetterTargetArn."
  value       = aws_sqs_queue.voice_sessions_dlq.arn
}

output "dlq_url" {
  description = "URL of the voice-session DLQ."
  value       = aws_sqs_queue.voice_sessions_dlq.url
}

output "function_role_arn" {
  description = "ARN of the function's IAM role (e.g. for the key's resource policy or a customer managed KMS key)."
  value       = aws_iam_role.function.arn
}
