# The voice-session queue, created here only for local and test stacks. In shared environments the
# app team owns it: see README.md for the settings it must carry.
resource "aws_sqs_queue" "voice_sessions" {
  count = var.create_voice_session_queue ? 1 : 0

  name                        = "${local.name_prefix}-voice-sessions.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  # At least 6 x the function's timeout (local.function_timeout_seconds = 60), as AWS advises for a
  # Lambda event source: a batch still running when the message reappears would run twice. A
  # literal, so that the infra tests read it; they check the ratio.
  visibility_timeout_seconds = 360
  message_retention_seconds  = 345600 # 4 days
  sqs_managed_sse_enabled    = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.voice_sessions_dlq.arn
    maxReceiveCount     = local.max_receive_count
  })
}

# Where a voice-session message lands after max_receive_count failed receives. Always created
# here: it is this service's failure queue, whoever owns the source queue.
resource "aws_sqs_queue" "voice_sessions_dlq" {
  name                      = "${local.name_prefix}-voice-sessions-dlq.fifo"
  fifo_queue                = true
  message_retention_seconds = 1209600 # 14 days, the maximum: time to fix the cause and redrive
  sqs_managed_sse_enabled   = true
}

# Only the voice-session queue may dead-letter into the DLQ (and so be a redrive destination).
resource "aws_sqs_queue_redrive_allow_policy" "voice_sessions_dlq" {
  queue_url = aws_sqs_queue.voice_sessions_dlq.id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [local.voice_session_queue_arn]
  })
}

resource "aws_lambda_event_source_mapping" "voice_sessions" {
  event_source_arn = local.voice_session_queue_arn
  # The alias, never the unqualified function: SnapStart only serves published versions.
  function_name = aws_lambda_alias.live.arn

  # Up to 5 sessions per invocation. Different learners run in parallel, so a batch costs about as
  # long as its slowest lesson: 5 first-of-day learners at 45 s of GPT-4o each make 5 lessons in one
  # 60 s invocation (./lessonpack bench, row batch5@45s). A failure is reported for its message
  # group only (the failed message and the group's later ones), and a message that failed only for
  # time is made visible again within seconds (ChangeMessageVisibility), not after 360 s.
  batch_size              = 5
  function_response_types = ["ReportBatchItemFailures"]
  # No maximum_batching_window_in_seconds: FIFO queues do not support a batching window.
  enabled = true

  lifecycle {
    precondition {
      condition     = var.create_voice_session_queue == (var.voice_session_queue_arn == null)
      error_message = "Set exactly one of create_voice_session_queue = true (local/test stacks) or voice_session_queue_arn (the app team's FIFO queue)."
    }
  }

  depends_on = [aws_iam_role_policy.function]
}
