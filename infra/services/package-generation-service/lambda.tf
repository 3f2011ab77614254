resource "aws_lambda_function" "package_generation" {
  function_name = local.function_name
  description   = "lessonpack: turns finished voice sessions into one daily speaking lesson per learner"
  role          = aws_iam_role.function.arn

  runtime     = var.lambda_runtime
  handler     = "io.lessonpack.bootstrap.lambda.VoiceSessionHandler::handleRequest"
  timeout     = local.function_timeout_seconds
  memory_size = var.memory_size

  filename         = var.artifact_path
  source_code_hash = filebase64sha256(var.artifact_path)

  # SnapStart snapshots published versions only: publish one per change and invoke it through the
  # alias below, never $LATEST (which would cold-start without the snapshot).
  publish = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  reserved_concurrent_executions = var.reserved_concurrent_executions

  # Exactly what LambdaConfiguration reads (REQUIRED and OPTIONAL). AWS_REGION is required too,
  # but it is reserved: Lambda sets it itself and refuses it here. The SDK's endpoint overrides
  # (AWS_ENDPOINT_URL...) are for local stand-ins and stay unset.
  environment {
    variables = merge(
      {
        GENERATION_STATE_TABLE      = aws_dynamodb_table.generation_state.name
        CONVERSATION_PACKAGES_TABLE = var.packages_table_name
        ANALYSIS_RESULTS_TABLE      = var.analysis_results_table_name
        PACKAGE_GENERATED_TOPIC_ARN = aws_sns_topic.package_generated.arn
        PROJECT_NAME                = var.project
        ENVIRONMENT                 = var.environment
      },
      # Set only when given: unset means the code's default (a pinned gpt-4o snapshot, api.openai.com).
      { for name, value in {
        OPENAI_MODEL    = var.openai_model
        OPENAI_BASE_URL = var.openai_base_url
      } : name => value if value != null },
    )
  }

  # The code writes one JSON object per line; JSON format makes Lambda's own lines (START, REPORT)
  # JSON too, so Logs Insights reads both without parsing text.
  logging_config {
    log_format = "JSON"
    log_group  = aws_cloudwatch_log_group.function.name
  }

  depends_on = [
    aws_cloudwatch_log_group.function,
    aws_iam_role_policy.function,
  ]
}

# The published version the queue invokes. Moving it is the deployment.
resource "aws_lambda_alias" "live" {
  name             = "live"
  description      = "The version the voice-session queue invokes"
  function_name    = aws_lambda_function.package_generation.function_name
  function_version = aws_lambda_function.package_generation.version
}
