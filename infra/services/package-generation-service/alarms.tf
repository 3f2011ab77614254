locals {
  alarm_actions = var.alarm_sns_topic_arn == null ? [] : [var.alarm_sns_topic_arn]

  # The namespace the function's log lines publish their metrics in (embedded metric format, no
  # API call): EmbeddedMetrics.DEFAULT_NAMESPACE in the code, checked by AlarmsTerraformTest.
  metrics_namespace = "lessonpack"
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

# Learners are noticing failures: of the messages that ended in a lesson or in a failure the
# learner notices (lesson late by the queue's visibility timeout or more, or never), too many were
# failures. Time-only failures (waiting for the analysis, no time left for the model: back in
# seconds) and messages held back behind an earlier failure of their group do not count
# (GenerationOutcomeLog.learnerVisible); skips are neither. Both metrics come from the
# generation.outcome lines (one per message). Fewer failures than the minimum never alarm: one
# failure among a handful of lessons at night is the DLQ alarm's business if it persists.
resource "aws_cloudwatch_metric_alarm" "learner_visible_failure_rate" {
  alarm_name          = "${local.function_name}-learner-visible-failures"
  alarm_description   = "More than ${var.learner_visible_failure_alarm_percent}% of lessons failed in a way learners notice (at least ${var.learner_visible_failure_alarm_min_count} in 15 minutes). Find the reasons in the logs (event = generation.outcome, learnerVisibleFailures = 1) or in the metric learnerVisibleFailures by reason (namespace ${local.metrics_namespace}); README: Operations, Alarms."
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.learner_visible_failure_alarm_percent
  evaluation_periods  = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "visible_failure_rate"
    label       = "Learner-visible failures, % of lessons plus learner-visible failures"
    expression  = "IF(visible_failures >= ${var.learner_visible_failure_alarm_min_count}, 100 * visible_failures / (lessons + visible_failures), 0)"
    return_data = true
  }

  metric_query {
    id = "visible_failures"

    metric {
      namespace   = local.metrics_namespace
      metric_name = "learnerVisibleFailures"
      period      = 900
      stat        = "Sum"
    }
  }

  metric_query {
    id = "lessons"

    metric {
      namespace   = local.metrics_namespace
      metric_name = "lessons"
      period      = 900
      stat        = "Sum"
    }
  }
}
