package org.corpuskit.jobs.config;

import java.io.Serializable;

/** Settings of the tokenize stage. Serializable: tasks open the tokenizer from it. */
public record TokenizeConfig(
    @Doc("The tokenizer: a tiktoken encoding built in (r50k_base, p50k_base, p50k_edit, cl100k_base, "
        + "o200k_base), tiktoken:PATH:ENCODING (a rank file split by ENCODING's pattern, with its special "
        + "tokens; tiktoken:PATH:llama3 for Llama 3's tokenizer.model), hf:PATH (a Hugging Face tokenizer.json) or spm:PATH (a SentencePiece model). A "
        + "file is read from the local file system of every machine, as spark-submit --files puts it there.")
    String tokenizer) implements Serializable {

  public static final TokenizeConfig DEFAULTS = new TokenizeConfig("cl100k_base");

  public TokenizeConfig {
    Check.notBlank("tokenizer", tokenizer);
  }
}
