package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.profile.domain.SkillSheetDraft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whatever text the reader lets through, the parser returns a draft: no exception, no stall. */
class RuleBasedSkillSheetParserRobustnessTest {

  private static final String SAMPLE =
      "氏名：山田 太郎\n職務経歴\n2023/04～現在\t大手金融機関向け\tPL\t8名\tJava, Spring Boot\n"
          + "R5.8～R6.3 Go言語 1年6ヶ月 ◎\nAug 2023 – Present | Senior Engineer | A major bank\n"
          + "資格：応用情報技術者（2019年10月）、AWS Certified\n学歴\n○○大学 工学部 2010年4月～2014年3月\n"
          + "team of 99999, 123456名, 99年, Java 75年 ◎\n";

  @Test
  @Timeout(20)
  void shuffledAndNoisyTextNeverThrows() {
    RuleBasedSkillSheetParser parser = new RuleBasedSkillSheetParser();
    Random random = new Random(7);
    List<String> lines = new ArrayList<>(List.of(SAMPLE.split("\n")));
    for (int round = 0; round < 300; round++) {
      Collections.shuffle(lines, random);
      StringBuilder text = new StringBuilder();
      for (String line : lines) {
        text.append(mutate(line, random)).append(random.nextInt(4) == 0 ? "\t" : "\n");
      }
      SkillSheetDraft draft = parser.parse(text.toString());
      assertThat(draft).isNotNull();
    }
  }

  @Test
  void theLargestAcceptedTextIsParsedQuickly() {
    StringBuilder text = new StringBuilder();
    while (text.length() < 200_000) {
      text.append(SAMPLE);
    }
    long start = System.nanoTime();
    SkillSheetDraft draft = new RuleBasedSkillSheetParser().parse(text.toString());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(draft.workHistory().size()).isLessThanOrEqualTo(100);
  }

  private static String mutate(String line, Random random) {
    if (line.isEmpty() || random.nextInt(3) != 0) {
      return line;
    }
    int at = random.nextInt(line.length());
    String junk = new String(Character.toChars(0x20 + random.nextInt(0x3000)));
    return line.substring(0, at) + junk + line.substring(at);
  }
}
