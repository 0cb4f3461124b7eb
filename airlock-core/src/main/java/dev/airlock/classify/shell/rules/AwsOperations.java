package dev.airlock.classify.shell.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The AWS CLI operations that destroy a whole data store, its backups or a piece of shared
 * infrastructure, each with what it deletes, the option naming it and why that is catastrophic; and
 * the name shapes of read-only and destructive operations in general.
 */
final class AwsOperations {

  private AwsOperations() {}

  /** A catastrophic operation: the noun of what it deletes, the option naming it, the reason. */
  record Catastrophe(String noun, String option, String reason) {}

  private static final String BACKUP = ": a backup, and maybe the last copy of the data";

  /** {@code service op => noun_with_underscores --option : reason}, one a line. */
  private static final Map<String, Catastrophe> CATASTROPHIC =
      parse(
          """
          s3api delete-bucket => bucket --bucket : deletes S3 bucket {}
          rds delete-db-instance => database_instance --db-instance-identifier : deletes RDS \
          instance {} and its data
          rds delete-db-cluster => database_cluster --db-cluster-identifier : deletes database \
          cluster {} and its data
          docdb delete-db-cluster => database_cluster --db-cluster-identifier : deletes \
          DocumentDB cluster {} and its data
          neptune delete-db-cluster => database_cluster --db-cluster-identifier : deletes \
          Neptune cluster {} and its data
          rds delete-db-snapshot => snapshot --db-snapshot-identifier : deletes RDS snapshot \
          {}{backup}
          rds delete-db-cluster-snapshot => cluster_snapshot --db-cluster-snapshot-identifier : \
          deletes cluster snapshot {}{backup}
          rds delete-db-instance-automated-backup => automated_backups \
          --db-instance-automated-backups-arn : deletes the retained automated backups {}{backup}
          rds delete-db-cluster-automated-backup => automated_backups --db-cluster-resource-id \
          : deletes the retained automated backups {}{backup}
          rds delete-global-cluster => global_cluster --global-cluster-identifier : deletes \
          global database {}
          ec2 terminate-instances => instances --instance-ids : terminates EC2 instances {}: \
          their instance-store data and every EBS volume set to delete on termination go with them
          ec2 delete-volume => volume --volume-id : deletes EBS volume {} and every byte on it
          ec2 delete-snapshot => snapshot --snapshot-id : deletes EBS snapshot {}{backup}
          dynamodb delete-table => table --table-name : deletes DynamoDB table {} and every item \
          in it
          dynamodb delete-backup => backup --backup-arn : deletes DynamoDB backup {}{backup}
          cloudformation delete-stack => stack --stack-name : deletes CloudFormation stack {} \
          and every resource it created that is not retained
          cloudformation delete-stack-set => stack_set --stack-set-name : deletes stack set {}
          eks delete-cluster => cluster --name : deletes EKS cluster {} and every workload \
          running on it
          kms schedule-key-deletion => key --key-id : schedules KMS key {} for deletion: when \
          the waiting period ends, everything encrypted with it is unreadable for good
          backup delete-recovery-point => recovery_point --recovery-point-arn : deletes \
          recovery point {}{backup}
          backup delete-backup-vault => backup_vault --backup-vault-name : deletes backup vault {}
          redshift delete-cluster => cluster --cluster-identifier : deletes Redshift cluster {} \
          and its data
          redshift delete-cluster-snapshot => snapshot --snapshot-identifier : deletes Redshift \
          snapshot {}{backup}
          efs delete-file-system => file_system --file-system-id : deletes EFS file system {} \
          and every file on it
          fsx delete-file-system => file_system --file-system-id : deletes FSx file system {} \
          and every file on it
          fsx delete-backup => backup --backup-id : deletes FSx backup {}{backup}
          organizations delete-organization => organization - : deletes the AWS organization
          organizations remove-account-from-organization => account --account-id : removes \
          account {} from the organization and its guardrails
          organizations close-account => account --account-id : closes AWS account {} and \
          everything in it
          route53 delete-hosted-zone => hosted_zone --id : deletes hosted zone {}: every DNS \
          record in it stops resolving
          iam delete-user => user --user-name : deletes IAM user {}; whatever authenticates as \
          it stops working
          iam delete-role => role --role-name : deletes IAM role {}; every service assuming it \
          loses its permissions
          glacier delete-vault => vault --vault-name : deletes Glacier vault {}, an archive store
          opensearch delete-domain => domain --domain-name : deletes OpenSearch domain {} and \
          its indexes
          es delete-elasticsearch-domain => domain --domain-name : deletes Elasticsearch domain \
          {} and its indexes
          kinesis delete-stream => stream --stream-name : deletes Kinesis stream {} with the \
          records it holds
          lightsail delete-relational-database => database --relational-database-name : \
          deletes Lightsail database {}
          lightsail delete-instance => instance --instance-name : deletes Lightsail instance {} \
          and its disk
          lightsail delete-disk => disk --disk-name : deletes Lightsail disk {}
          memorydb delete-cluster => cluster --cluster-name : deletes MemoryDB cluster {} and \
          its data
          keyspaces delete-keyspace => keyspace --keyspace-name : deletes keyspace {} and every \
          table in it
          qldb delete-ledger => ledger --name : deletes ledger {} and its journal
          timestream-write delete-database => database --database-name : deletes Timestream \
          database {}
          """);

  private static Map<String, Catastrophe> parse(String rows) {
    Map<String, Catastrophe> out = new HashMap<>();
    for (String line : rows.split("\\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      int arrow = l.indexOf(" => ");
      int colon = l.indexOf(" : ", arrow);
      String[] head = l.substring(arrow + 4, colon).strip().split(" +");
      out.put(
          l.substring(0, arrow),
          new Catastrophe(
              head[0].replace('_', ' '),
              head[1].equals("-") ? "" : head[1],
              l.substring(colon + 3).strip().replace("{backup}", BACKUP)));
    }
    return Map.copyOf(out);
  }

  /** Every ElastiCache delete removes a cache, its data or its snapshot. */
  private static final Catastrophe ELASTICACHE =
      new Catastrophe("cache", "", "deletes ElastiCache {} and the data it holds");

  static @Nullable Catastrophe catastrophe(String service, String op) {
    if (service.equals("elasticache") && op.startsWith("delete-")) {
      return ELASTICACHE;
    }
    return CATASTROPHIC.get(service + " " + op);
  }

  private static final String[] DESTRUCTIVE_PREFIXES =
      CloudCall.arrayOf(
          "delete- terminate- remove- purge- deregister- cancel- disable- revoke- detach- "
              + "batch-delete- disassociate- stop- release- abort-");

  private static final Set<String> NOT_DESTRUCTIVE =
      CloudCall.setOf(
          "cancel-key-deletion cancel-secret-rotation stop-query remove-tags-from-resource "
              + "remove-tags delete-tags stop-build cancel-export-task");

  private static final String[] READ_PREFIXES =
      CloudCall.arrayOf(
          "describe- list- get- head- search- lookup- batch-get- select- filter- validate- "
              + "estimate- test- simulate- check- preview- download- view- decode-");

  private static final Set<String> READS =
      CloudCall.setOf("scan query tail wait ls presign help get-caller-identity");

  /** Whether an operation name says it deletes, stops or takes away. */
  static boolean destructive(String op) {
    if (NOT_DESTRUCTIVE.contains(op)) {
      return false;
    }
    for (String p : DESTRUCTIVE_PREFIXES) {
      if (op.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an operation name says it only reads. */
  static boolean read(String service, String op) {
    if (READS.contains(op) || service.equals("configure") && !op.equals("set")) {
      return true;
    }
    for (String p : READ_PREFIXES) {
      if (op.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
