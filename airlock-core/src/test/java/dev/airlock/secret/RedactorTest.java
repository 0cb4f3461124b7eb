package dev.airlock.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "curl -H \"Authorization: Bearer 9f2c1e7a-4b3d-4f7e-a1c2-5d6e7f8a9b0c\" x | 9f2c1e7a-4b3d-4f7e-a1c2-5d6e7f8a9b0c",
        "{\"Authorization\": \"Bearer abc.def.ghi\"} | abc.def.ghi",
        "Authorization: Basic dXNlcjpwYXNz | dXNlcjpwYXNz",
        "token ghp_abcdefghijklmnopqrstuvwxyz0123456789 | ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        "key=sk_live_51Habcdefghijklmnop | sk_live_51Habcdefghijklmnop",
        "AKIAIOSFODNN7EXAMPLE in env | AKIAIOSFODNN7EXAMPLE",
        "postgres://admin:hunter2@prod-db/app | hunter2",
        "PASSWORD=correcthorse ./run | correcthorse",
        "\"api_key\": \"zzz-secret-value\" | zzz-secret-value",
        "mysql -u root -p\"s3cr3t!\" -e 'x' | s3cr3t!",
        "mysql -u root -ps3cr3t -e 'x' | s3cr3t",
        "tool --token abcdef123456 run | abcdef123456",
        "tool --password=abcdef123456 run | abcdef123456",
        "xoxb-123456789012-abcdefghijkl | xoxb-123456789012-abcdefghijkl",
        "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U | dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "X-Api-Key: abcd1234efgh | abcd1234efgh",
        "CREATE USER app WITH PASSWORD 'Tr0ub4dor&3' | Tr0ub4dor&3",
        "ALTER ROLE app password 'it''s-a-secret' | s-a-secret",
        "CREATE USER 'bob'@'%' IDENTIFIED BY 'hunter22' | hunter22",
        "redis-cli -h cache -a s3cretRedis FLUSHALL | s3cretRedis",
        "redis-cli --pass s3cretRedis FLUSHALL | s3cretRedis",
        "fine-grained github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz | github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
        "😀 ghp_abcdefghijklmnopqrstuvwxyz0123456789 😀 | ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        "日本語 😀 password=hunter22x | hunter22x",
        "é😀é --token abcdef123456 | abcdef123456",
        "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXk\\n-----END OPENSSH PRIVATE KEY----- | b3BlbnNzaC1rZXk",
      })
  void redact_removesPlantedSecret(String text, String secret) {
    String in = text.replace("\\n", "\n");
    String out = Redactor.redact(in);
    assertThat(out).doesNotContain(secret).contains(Redactor.MASK);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "curl -H \"Authorization: Bearer $GITHUB_TOKEN\" https://api.github.com | $GITHUB_TOKEN",
        "rm -rf node_modules | rm -rf node_modules",
        "mkdir -p src/components | mkdir -p src/components",
        "SELECT id FROM users WHERE id = 5 | SELECT id FROM users WHERE id = 5",
      })
  void redact_keepsWhatIsNotASecret(String text, String kept) {
    assertThat(Redactor.redact(text)).contains(kept);
  }
}
