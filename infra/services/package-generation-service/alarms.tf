locals {
  alarm_actions = var.alarm_sns_topic_arn == null ? [] : [var.alarm_sns_topic_arn]
}

# A message reached the DLQ: it failed max_receive_count times (a permanent failure, a bug, or a
# dependency down for longer than the retries). Every such message is a learner without a lesson.
resource "aws_cloudwatch_metric_alarm" "dlq_not_empty" {
  alarm_name        = "${local.function_name}-dlq-not-empty"
  alarm_description = "Voice-session messages are in the DLQ ${aws_sqs_queue.voice_sessions_dlq.name}. Find the cause in the logs (event = generation.outcome, outcome = failed), fix it, then redrive (README: Operations)."
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.voice_sessions_dlq.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# The function threw: a whole batch failed (the handler reports item failures without throwing,
# so this means a crash, a timeout or an initialisation error, e.g. a missing variable).
resource "aws_cloudwatch_metric_alarm" "function_errors" {
  alarm_name        = "${local.function_name}-errors"
  alarm_description = "The function ${local.function_name} failed invocations (crash, timeout or init error). Check the log group ${aws_cloudwatch_log_group.function.name}."
  namespace         = "AWS/Lambda"
  metric_name       = "Errors"
  dimensions = {
    FunctionName = aws_lambda_function.package_generation.function_name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# Invocations refused for lack of concurrency (reserved concurrency or the account limit). The
# batch goes back to the queue and the receive counts toward the DLQ.
resource "aws_cloudwatch_metric_alarm" "function_throttles" {
  alarm_name        = "${local.function_name}-throttles"
  alarm_description = "The function ${local.function_name} was throttled; its batches return to the queue and count toward maxReceiveCount."
  namespace         = "AWS/Lambda"
  metric_name       = "Throttles"
  dimensions = {
    FunctionName = aws_lambda_function.package_generation.function_name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# The oldest voice-session message is old: the function is not keeping up, the mapping is disabled,
# or a message group waits behind a message that keeps failing (FIFO order).
resource "aws_cloudwatch_metric_alarm" "queue_oldest_message_age" {
  alarm_name        = "${local.function_name}-queue-age"
  alarm_description = "The oldest message on ${local.voice_session_queue_name} is older than ${var.queue_age_alarm_seconds} s."
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateAgeOfOldestMessage"
  dimensions = {
    QueueName = local.voice_session_queue_name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.queue_age_alarm_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}
