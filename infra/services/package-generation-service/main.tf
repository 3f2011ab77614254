data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  name_prefix   = "${var.project}-${var.environment}"
  function_name = "${local.name_prefix}-package-generation"

  # The function's timeout. The voice-session queue's visibility timeout must be at least six
  # times this (sqs.tf, and README.md for a queue owned elsewhere).
  function_timeout_seconds = 60

  # Receives of one message before SQS moves it to the DLQ, designed with the wait for a session's
  # own analysis (10 minutes) and the function's redelivery backoff (a message that failed only
  # for time comes back after 10 s, doubling up to 5 min): waiting fails at most 6 receives
  # (10+20+40+80+160+300 s >= 10 min), the 7th goes on without the analysis, and 3 more are left
  # for other failures (throttling, an author outage). The infra tests hold this to the code's
  # RedeliveryBackoff.requiredMaxReceiveCount; docs/time-budget.md explains the numbers.
  max_receive_count = 10

  # ARNs of what other services own, built from names: the packages table and its index, the
  # analysis-results table, and the OpenAI key's secret.
  arn_prefix     = "arn:${data.aws_partition.current.partition}"
  region_account = "${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}"

  packages_table_arn               = "${local.arn_prefix}:dynamodb:${local.region_account}:table/${var.packages_table_name}"
  packages_user_language_index_arn = "${local.packages_table_arn}/index/UserLanguageIndex"
  analysis_results_table_arn       = "${local.arn_prefix}:dynamodb:${local.region_account}:table/${var.analysis_results_table_name}"

  # Secrets Manager appends "-" and six random characters to a secret's name in its ARN. Each `?`
  # matches exactly one character, so this names the one secret and no other that merely starts
  # the same way (a trailing "*" would also match e.g. ...-openai-api-key-old-Ab12Cd).
  openai_key_secret_arn = "${local.arn_prefix}:secretsmanager:${local.region_account}:secret:${local.name_prefix}-openai-api-key-??????"

  voice_session_queue_arn = var.create_voice_session_queue ? aws_sqs_queue.voice_sessions[0].arn : var.voice_session_queue_arn
  # The queue's name is the last part of its ARN (arn:aws:sqs:<region>:<account>:<name>); null
  # only when neither queue input is set, which the event source mapping's precondition reports.
  voice_session_queue_name = try(element(split(":", local.voice_session_queue_arn), 5), null)
}
