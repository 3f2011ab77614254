# The function's role. Every action below is one the code calls (adapters-aws AwsPermissions, checked
# by infra/src/test), on the one resource it calls it on.
data "aws_iam_policy_document" "assume_by_lambda" {
  statement {
    sid     = "LambdaAssumesTheRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "function" {
  # The function's name: at most 24 + 1 + 16 + 19 = 60 characters, within IAM's 64.
  name               = local.function_name
  description        = "Role of the ${local.function_name} Lambda function"
  assume_role_policy = data.aws_iam_policy_document.assume_by_lambda.json
}

data "aws_iam_policy_document" "function" {
  # The state table is this service's own: lesson day and claim (BatchGetItem, GetItem, UpdateItem
  # with conditions), per-language state and curriculum words (GetItem, BatchGetItem), and the
  # commit transaction's updates and puts (TransactWriteItems has no IAM action of its own: each
  # item needs UpdateItem or PutItem). No Query: the table is only queried through DueIndex.
  statement {
    sid = "GenerationStateTable"
    actions = [
      "dynamodb:BatchGetItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
    ]
    resources = [aws_dynamodb_table.generation_state.arn]
  }

  # Due words are read through the index only: Query is the one action an index serves.
  statement {
    sid       = "GenerationStateDueIndex"
    actions   = ["dynamodb:Query"]
    resources = ["${aws_dynamodb_table.generation_state.arn}/index/DueIndex"]
  }

  # The shared packages table: read a package by id, upsert it (UpdateItem inside the save
  # transaction). No PutItem, no DeleteItem: the conversation-package service owns the rest.
  statement {
    sid = "ConversationPackagesTable"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:UpdateItem",
    ]
    resources = [local.packages_table_arn]
  }

  # A learner's package for a language, found through the owner's index.
  statement {
    sid       = "ConversationPackagesUserLanguageIndex"
    actions   = ["dynamodb:Query"]
    resources = [local.packages_user_language_index_arn]
  }

  # Analysis results are read only, by key condition on createdAt.
  statement {
    sid       = "AnalysisResultsTable"
    actions   = ["dynamodb:Query"]
    resources = [local.analysis_results_table_arn]
  }

  statement {
    sid       = "PublishPackageGenerated"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.package_generated.arn]
  }

  # The OpenAI key, {project}-{environment}-openai-api-key (see local.openai_key_secret_arn for
  # the six-character suffix). Encrypted with the default aws/secretsmanager key, it needs no KMS
  # permission here; a customer managed key would need kms:Decrypt on that key.
  statement {
    sid       = "ReadOpenAiApiKey"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [local.openai_key_secret_arn]
  }

  # What Lambda's event source mapping does on the function's behalf, on the voice-session queue
  # only. The DLQ needs nothing: SQS itself moves messages there.
  statement {
    sid = "ConsumeVoiceSessionQueue"
    actions = [
      "sqs:ChangeMessageVisibility",
      "sqs:DeleteMessage",
      "sqs:GetQueueAttributes",
      "sqs:ReceiveMessage",
    ]
    resources = [local.voice_session_queue_arn]
  }

  # Writing to the function's own log group; it exists already (logs.tf), so no CreateLogGroup.
  statement {
    sid = "WriteOwnLogs"
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
    ]
    resources = ["${aws_cloudwatch_log_group.function.arn}:*"]
  }
}

resource "aws_iam_role_policy" "function" {
  name   = "${local.function_name}-least-privilege"
  role   = aws_iam_role.function.id
  policy = data.aws_iam_policy_document.function.json
}
