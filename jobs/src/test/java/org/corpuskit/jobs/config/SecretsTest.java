package org.corpuskit.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.corpuskit.jobs.pipeline.Messages;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void theCloudStoresCredentialKeysAreSecretPerBucketToo() {
    for (String key : List.of("spark.hadoop.fs.s3a.secret.key", "spark.hadoop.fs.s3a.access.key",
        "spark.hadoop.fs.s3a.session.token", "spark.hadoop.fs.s3a.bucket.my-bucket.secret.key",
        "spark.hadoop.fs.s3a.encryption.key", "spark.hadoop.fs.gs.auth.service.account.private.key",
        "spark.hadoop.fs.gs.auth.client.secret", "spark.hadoop.fs.azure.account.key.acct.dfs.core.windows.net",
        "spark.hadoop.fs.azure.account.oauth2.client.secret", "spark.hadoop.fs.azure.sas.container.acct.blob",
        "spark.ssl.keyPassword", "HF_TOKEN", "spark.hadoop.fs.s3a.aws.credentials")) {
      assertTrue(Secrets.isSecretKey(key), key);
    }
  }

  @Test
  void settingsThatOnlyMentionTokensOrNameAProviderAreNot() {
    for (String key : List.of("tokenizer", "min_tokens", "target_tokens", "shard_tokens",
        "spark.hadoop.fs.s3a.aws.credentials.provider", "hadoop.security.credential.provider.path",
        "spark.sql.shuffle.partitions", "spark.sql.session.timeZone")) {
      assertFalse(Secrets.isSecretKey(key), key);
    }
  }

  @Test
  void aConfigurationTreeIsShownWithSecretsAndUrlUsersMasked() throws Exception {
    JsonNode tree = new ObjectMapper().readTree("{\"spark\":{\"conf\":{\"spark.hadoop.fs.s3a.secret.key\":"
        + "\"abc123SECRET\",\"spark.sql.shuffle.partitions\":\"7\"}},\"input\":{\"paths\":"
        + "[\"s3a://AKIAFAKE:abc123SECRET@bucket/crawl/\"]}}");
    JsonNode shown = Secrets.redacted(tree);
    assertEquals("*****", shown.at("/spark/conf/spark.hadoop.fs.s3a.secret.key").asText());
    assertEquals("7", shown.at("/spark/conf/spark.sql.shuffle.partitions").asText());
    assertEquals("s3a://*****@bucket/crawl/", shown.at("/input/paths/0").asText());
    assertFalse(shown.toString().contains("abc123SECRET"));
    assertTrue(tree.toString().contains("abc123SECRET"), "the tree itself is left as it was");
  }

  @Test
  void aUrlsPasswordIsMaskedWholeAndSignedUrlsLoseTheirSignatures() {
    assertEquals("s3a://*****@bucket/crawl", Secrets.scrub("s3a://KEY:ab/cd@ef@bucket/crawl"));
    assertEquals("https://host.example/x?X-Amz-Credential=*****&X-Amz-Signature=*****&part=2",
        Secrets.scrub("https://host.example/x?X-Amz-Credential=AKIAFAKE%2F2024&X-Amz-Signature=abc123&part=2"));
    assertTrue(Secrets.isSecretKey("spark.hadoop.fs.cos.service.iam.api.key"));
    assertFalse(Secrets.isSecretKey("spark.security.credentials.hive.enabled"));
    assertFalse(Secrets.isSecretKey("spark.io.encryption.keySizeBits"));
  }

  @Test
  void aMistypedSetOfASecretDoesNotQuoteIt() {
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> ConfigLoader.load(
        null, List.of("spark.conf.spark.hadoop.fs.s3a.secret.key=[unclosedSecretValue99")));
    assertFalse(e.getMessage().contains("unclosedSecretValue99"), e.getMessage());
  }

  @Test
  void theConfigurationFileLeavesASecretOutSoThatItReadsBackWithoutTheMask() {
    PipelineConfig config = ConfigLoader.load(null,
        List.of("spark.conf.spark.hadoop.fs.s3a.secret.key=anotherFakeSecret77"));
    String yaml = ConfigDocs.yaml(config);
    assertFalse(yaml.contains("anotherFakeSecret77") || yaml.contains("*****"), yaml);
    assertTrue(yaml.contains("# spark.hadoop.fs.s3a.secret.key: set, not shown"), yaml);
    assertFalse(ConfigLoader.parse("printed", yaml).spark().conf().containsKey("spark.hadoop.fs.s3a.secret.key"));
  }

  @Test
  void aRememberedSecretIsMaskedInAnyMessage() {
    ConfigLoader.load(null, List.of("spark.conf.spark.hadoop.fs.s3a.secret.key=zzTopSecretValue42"));
    assertEquals("cannot list s3a://bucket/: 403, key ***** refused",
        Messages.oneLine("cannot list s3a://bucket/: 403, key zzTopSecretValue42 refused"));
  }

  @Test
  void aMessageIsOneLineWithUnprintableCharactersEscaped() {
    assertEquals("first | second \\u0000\\u001B[31m \\uFFFD", Messages.oneLine("first\nsecond \u0000\u001b[31m \ufffd"));
    assertTrue(Messages.oneLine("x".repeat(5000)).length() < 700);
  }
}
