package io.berth.deploy.cli;

import picocli.CommandLine.Command;

/** {@code berth app show|versions ID}: one app. */
@Command(name = "app", description = "Show one app or its stored versions.",
    subcommands = {AppShowCommand.class, AppVersionsCommand.class})
final class AppCommand {}
