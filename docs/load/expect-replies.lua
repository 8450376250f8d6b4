-- wrk script: POST a message activity with deliveryMode expectReplies to /api/messages,
-- a fresh activity and conversation id per request (the bot answers a retried id only once).
-- Usage: wrk -t2 -c8 -d10s --latency -s docs/load/expect-replies.lua http://localhost:3978
local counter = 0
local template = '{"type":"message","id":"load-%d","channelId":"webchat","serviceUrl":"http://localhost/",'
  .. '"from":{"id":"user"},"recipient":{"id":"bot"},"conversation":{"id":"load-%d"},'
  .. '"text":"what causes muscle wasting","deliveryMode":"expectReplies"}'

request = function()
  counter = counter + 1
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json" }, string.format(template, counter, counter))
end
