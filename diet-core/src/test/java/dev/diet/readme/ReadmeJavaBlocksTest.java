package dev.diet.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every Java example in the README is a region of a test that runs it: the README block must equal
 * the region's text, so an example that stops compiling or working fails the build.
 */
class ReadmeJavaBlocksTest {

  @Test
  void everyJavaBlockOfTheReadmeIsATestedRegionAndEveryRegionIsInTheReadme() throws IOException {
    var root = ReadmeBlocks.repoRoot();
    List<String> blocks = ReadmeBlocks.fencedBlocks(Files.readString(root.resolve("README.md")), "java");
    Map<String, String> regions = ReadmeBlocks.regions(root);

    assertThat(regions).as("README regions in test sources").isNotEmpty();
    for (String block : blocks) {
      assertThat(regions.values()).as("README java block must be copied from a tested region:%n%s", block).contains(block);
    }
    regions.forEach((name, body) -> assertThat(blocks).as("region '%s' is missing from README.md", name).contains(body));
  }
}
