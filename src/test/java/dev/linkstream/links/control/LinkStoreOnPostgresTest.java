package dev.linkstream.links.control;

import dev.linkstream.platform.control.Databases;

class LinkStoreOnPostgresTest extends LinkStoreContract {

  @Override
  Databases kind() {
    return Databases.POSTGRESQL;
  }
}
