package dev.linkstream.links.control;

import dev.linkstream.platform.control.Databases;

class SearchOnPostgresTest extends SearchContract {

  @Override
  Databases kind() {
    return Databases.POSTGRESQL;
  }
}
