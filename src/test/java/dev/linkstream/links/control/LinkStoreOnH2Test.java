package dev.linkstream.links.control;

import dev.linkstream.platform.control.Databases;

class LinkStoreOnH2Test extends LinkStoreContract {

  @Override
  Databases kind() {
    return Databases.H2;
  }
}
