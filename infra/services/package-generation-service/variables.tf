variable "project" {
  description = "Project name: the prefix of every resource name and of the OpenAI key's secret name ({project}-{environment}-openai-api-key)."
  type        = string
  default     = "lessonpack"

  validation {
    # The function reads it as PROJECT_NAME ([A-Za-z0-9_-]{1,64}); 24 keeps every derived name
    # within its service's limit (Lambda function names: 64 characters).
    condition     = can(regex("^[A-Za-z0-9_-]{1,24}$", var.project))
    error_message = "project must be 1-24 characters of letters, digits, '-' or '_' (it prefixes every resource name)."
  }
}

variable "environment" {
  description = "Environment name, e.g. dev, staging, prod. Part of every resource name and of the secret name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,16}$", var.environment))
    error_message = "environment must be 1-16 characters of letters, digits, '-' or '_', e.g. \"prod\"."
  }
}

variable "region" {
  description = "AWS region of the stack, e.g. eu-west-1. Lambda sets AWS_REGION for the function itself."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region such as eu-west-1."
  }
}

variable "artifact_path" {
  description = "The deployable jar, built by `./lessonpack test` (mvn verify). Relative paths are read from the directory terraform runs in; the default fits running in this folder (or with -chdir to it)."
  type        = string
  default     = "../../../bootstrap-lambda/target/lessonpack-lambda.jar"

  validation {
    condition     = endswith(var.artifact_path, ".jar")
    error_message = "artifact_path must name the function's jar, bootstrap-lambda/target/lessonpack-lambda.jar (build it with ./lessonpack test)."
  }
}

variable "create_voice_session_queue" {
  description = "Create the voice-session FIFO queue here (local and test stacks). In shared environments the app team owns the queue: leave false and pass voice_session_queue_arn."
  type        = bool
  default     = false
}

variable "voice_session_queue_arn" {
  description = "ARN of the voice-session FIFO queue owned by the app team. Must be null when create_voice_session_queue is true, and set otherwise. See README.md for the settings the queue must have."
  type        = string
  default     = null

  validation {
    condition     = var.voice_session_queue_arn == null || can(regex("^arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,75}\\.fifo$", var.voice_session_queue_arn))
    error_message = "voice_session_queue_arn must be the ARN of a FIFO queue (arn:aws:sqs:<region>:<account>:<name>.fifo), or null when create_voice_session_queue is true."
  }
}

variable "packages_table_name" {
  description = "Name of the conversation-packages table (owned by the conversation-package service; key `id`, index `UserLanguageIndex`)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{3,255}$", var.packages_table_name))
    error_message = "packages_table_name must be a DynamoDB table name: 3-255 characters of letters, digits, '_', '-' or '.'."
  }
}

variable "analysis_results_table_name" {
  description = "Name of the analysis-results table (owned by the analysis service; keys `userId`, `createdAt`). Read only."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{3,255}$", var.analysis_results_table_name))
    error_message = "analysis_results_table_name must be a DynamoDB table name: 3-255 characters of letters, digits, '_', '-' or '.'."
  }
}

variable "lambda_runtime" {
  description = "Lambda runtime of the function: java21 (default) or java25. Both support SnapStart."
  type        = string
  default     = "java21"

  validation {
    condition     = contains(["java21", "java25"], var.lambda_runtime)
    error_message = "lambda_runtime must be java21 or java25 (the artifact targets Java 21; java17 is deprecated)."
  }
}

variable "memory_size" {
  description = "Function memory in MB; CPU grows with it. 1024 keeps a cold start short and a batch of five well inside the 60 s timeout."
  type        = number
  default     = 1024

  validation {
    condition     = var.memory_size >= 512 && var.memory_size <= 10240 && floor(var.memory_size) == var.memory_size
    error_message = "memory_size must be a whole number of MB between 512 and 10240 (a JVM with the AWS SDK needs at least 512)."
  }
}

variable "reserved_concurrent_executions" {
  description = "Reserved concurrency of the function; null leaves it unreserved. See README.md before setting it: throttled FIFO batches go back to the queue and count as receives."
  type        = number
  default     = null

  validation {
    condition     = var.reserved_concurrent_executions == null || try(var.reserved_concurrent_executions >= 1 && floor(var.reserved_concurrent_executions) == var.reserved_concurrent_executions, false)
    error_message = "reserved_concurrent_executions must be null (unreserved) or a whole number >= 1 (0 would stop the function)."
  }
}

variable "log_retention_days" {
  description = "Retention of the function's log group, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

variable "openai_model" {
  description = "OpenAI model id (OPENAI_MODEL). null leaves the code's default, a pinned gpt-4o snapshot."
  type        = string
  default     = null

  validation {
    condition     = var.openai_model == null || can(regex("^[A-Za-z0-9._:-]{1,128}$", var.openai_model))
    error_message = "openai_model must be null (the code's pinned default) or a model id such as gpt-4o-2024-08-06."
  }
}

variable "openai_base_url" {
  description = "An OpenAI-compatible endpoint (OPENAI_BASE_URL). null means api.openai.com."
  type        = string
  default     = null

  validation {
    condition     = var.openai_base_url == null || can(regex("^https?://[^/\\s]+", var.openai_base_url))
    error_message = "openai_base_url must be null or an http(s) URL such as https://api.openai.com/v1."
  }
}

variable "alarm_sns_topic_arn" {
  description = "SNS topic that the alarms notify (e.g. the on-call topic). null creates the alarms without actions."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_sns_topic_arn == null || can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", var.alarm_sns_topic_arn))
    error_message = "alarm_sns_topic_arn must be null or an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)."
  }
}

variable "queue_age_alarm_seconds" {
  description = "Alarm when the oldest message on the voice-session queue is older than this: the function is not keeping up or a message group is stuck behind a failing message."
  type        = number
  default     = 1800

  validation {
    condition     = var.queue_age_alarm_seconds >= 300
    error_message = "queue_age_alarm_seconds must be at least 300 (a failing message retries for minutes by design)."
  }
}

variable "learner_visible_failure_alarm_percent" {
  description = "Alarm when learner-visible failures exceed this percentage of lessons plus learner-visible failures over 15 minutes (the metrics learnerVisibleFailures and lessons)."
  type        = number
  default     = 5

  validation {
    condition     = var.learner_visible_failure_alarm_percent > 0 && var.learner_visible_failure_alarm_percent < 100
    error_message = "learner_visible_failure_alarm_percent must be a percentage above 0 and below 100."
  }
}

variable "learner_visible_failure_alarm_min_count" {
  description = "The learner-visible failure-rate alarm needs at least this many such failures in 15 minutes, so that one failure among a few lessons does not page anyone."
  type        = number
  default     = 3

  validation {
    condition     = var.learner_visible_failure_alarm_min_count >= 1 && floor(var.learner_visible_failure_alarm_min_count) == var.learner_visible_failure_alarm_min_count
    error_message = "learner_visible_failure_alarm_min_count must be a whole number of at least 1."
  }
}
