package dev.linkstream.links.control;

import dev.linkstream.platform.control.Databases;

class FetchClaimsOnPostgresTest extends FetchClaimsContract {

  @Override
  Databases kind() {
    return Databases.POSTGRESQL;
  }
}
