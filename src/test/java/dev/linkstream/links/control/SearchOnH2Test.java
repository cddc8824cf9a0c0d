package dev.linkstream.links.control;

import dev.linkstream.platform.control.Databases;

class SearchOnH2Test extends SearchContract {

  @Override
  Databases kind() {
    return Databases.H2;
  }
}
