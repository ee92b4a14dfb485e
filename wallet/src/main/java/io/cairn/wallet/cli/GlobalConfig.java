package io.cairn.wallet.cli;

import java.nio.file.Path;
import java.util.Optional;

/** The options every wallet command shares, as parsed from the command line. */
record GlobalConfig(Optional<Path> walletDir, Optional<String> node, Optional<Path> rpcCookie,
    Optional<Path> datadir, Optional<Path> testnet, boolean json, Optional<Path> passwordFile) {}
