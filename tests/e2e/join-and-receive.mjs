// Joins a venue's room with the official SignalR JavaScript client, as a kiosk or phone does, and waits for the next
// song to be queued there.
//
//   node join-and-receive.mjs <baseUrl> <accessToken> [venueId=demo-venue] [timeoutSeconds=30]
//
// Prints "joined <json>" once the hub accepted the join, then "queue:insert <json>" with the first inserted item's event,
// and exits 0. Exits 1 when the connection, the join or the wait fails (timeout included), saying why on stderr.
import * as signalR from "@microsoft/signalr";

const [baseUrl, accessToken, venueId = "demo-venue", timeoutSeconds = "30"] = process.argv.slice(2);
if (!baseUrl || !accessToken) {
  console.error("usage: node join-and-receive.mjs <baseUrl> <accessToken> [venueId] [timeoutSeconds]");
  process.exit(2);
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl(new URL("/hubs/venue", baseUrl).toString(), {
    accessTokenFactory: () => accessToken,
    skipNegotiation: true,
    transport: signalR.HttpTransportType.WebSockets,
  })
  .configureLogging(signalR.LogLevel.Warning)
  .build();

const timer = setTimeout(() => fail(`no queue:insert within ${timeoutSeconds} s`), Number(timeoutSeconds) * 1000);

function fail(reason) {
  console.error(`join-and-receive: ${reason}`);
  clearTimeout(timer);
  connection.stop().finally(() => process.exit(1));
}

connection.on("queue:insert", (event) => {
  console.log(`queue:insert ${JSON.stringify(event)}`);
  clearTimeout(timer);
  connection.stop().finally(() => process.exit(0));
});

connection.onclose((error) => {
  if (error) {
    fail(`connection closed: ${error.message ?? error}`);
  }
});

try {
  await connection.start();
  const joined = await connection.invoke("JoinVenue", venueId, null);
  console.log(`joined ${JSON.stringify(joined)}`);
} catch (error) {
  fail(`could not join ${venueId}: ${error?.message ?? error}`);
}
