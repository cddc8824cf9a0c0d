package dev.linkstream.links.control;

import dev.linkstream.platform.control.Databases;

class FetchClaimsOnH2Test extends FetchClaimsContract {

  @Override
  Databases kind() {
    return Databases.H2;
  }
}
