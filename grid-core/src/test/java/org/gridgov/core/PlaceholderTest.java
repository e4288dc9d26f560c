package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholderTest {
  @Test
  void answers() {
    assertThat(Placeholder.answer()).isEqualTo(42);
  }
}
