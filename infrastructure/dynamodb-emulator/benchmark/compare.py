#!/usr/bin/env python3
"""One boto3 workload against any DynamoDB endpoints, with ratios to the first one.

    python3 compare.py --start-moto --start-emulator target/dynamodb-emulator.jar [--seconds 3]   (java from JAVA_HOME)
    python3 compare.py --endpoint moto=http://127.0.0.1:5000 --endpoint emulator=http://127.0.0.1:8000

The first endpoint is the baseline. Each row runs for --seconds after a short warm-up, with 1 and 8 client threads,
each thread with its own client: PutItem, GetItem, Query (a 10-item partition) and TransactWriteItems (two puts).
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid

import boto3
import botocore.config

OPERATIONS = ["PutItem", "GetItem", "Query", "TransactWriteItems"]
THREADS = [1, 8]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except Exception:
            time.sleep(0.05)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def client(url):
    config = botocore.config.Config(retries={"max_attempts": 0}, max_pool_connections=16)
    return boto3.client("dynamodb", endpoint_url=url, region_name="us-east-1", aws_access_key_id="benchmark",
                        aws_secret_access_key="benchmark", config=config)


def create_table(url):
    name = "benchmark-" + uuid.uuid4().hex[:8]
    dynamodb = client(url)
    dynamodb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                          AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                                {"AttributeName": "sk", "AttributeType": "S"}],
                          KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                          StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
    dynamodb.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1})
    for number in range(10):
        dynamodb.put_item(TableName=name, Item={"pk": {"S": "partition"}, "sk": {"S": f"item-{number:02d}"},
                                                "status": {"S": "REPORTED"}, "count": {"N": str(number)}})
    dynamodb.put_item(TableName=name, Item={"pk": {"S": "read"}, "sk": {"S": "one"}, "title": {"S": "streetlight out"}})
    return name


def call(dynamodb, table, operation, thread, sequence):
    key = f"t{thread}-{sequence}"
    if operation == "PutItem":
        dynamodb.put_item(TableName=table, Item={"pk": {"S": key}, "sk": {"S": "TICKET"}, "status": {"S": "REPORTED"},
                                                 "title": {"S": "streetlight out on the corner"}, "version": {"N": "1"}})
    elif operation == "GetItem":
        dynamodb.get_item(TableName=table, Key={"pk": {"S": "read"}, "sk": {"S": "one"}})
    elif operation == "Query":
        dynamodb.query(TableName=table, KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": {"S": "partition"}})
    else:
        dynamodb.transact_write_items(TransactItems=[
            {"Put": {"TableName": table, "Item": {"pk": {"S": key}, "sk": {"S": "TICKET"}, "version": {"N": "1"}},
                     "ConditionExpression": "attribute_not_exists(pk)"}},
            {"Put": {"TableName": table, "Item": {"pk": {"S": key}, "sk": {"S": "EVENT#1"}, "kind": {"S": "reported"}}}}])


def run(url, table, operation, threads, seconds):
    clients = [client(url) for _ in range(threads)]
    for index, dynamodb in enumerate(clients):  # warm-up: connections open, code paths loaded
        for sequence in range(20):
            call(dynamodb, table, operation, index, f"warm-{uuid.uuid4().hex[:6]}-{sequence}")
    latencies = [[] for _ in range(threads)]
    errors = [0] * threads
    start = threading.Barrier(threads + 1)
    stop_at = [0.0]
    run_id = uuid.uuid4().hex[:6]

    def work(index):
        dynamodb = clients[index]
        start.wait()
        sequence = 0
        while True:
            began = time.perf_counter()
            if began >= stop_at[0]:
                return
            try:
                call(dynamodb, table, operation, index, f"{run_id}-{sequence}")
            except Exception:
                errors[index] += 1
            latencies[index].append(time.perf_counter() - began)
            sequence += 1

    workers = [threading.Thread(target=work, args=(index,)) for index in range(threads)]
    for worker in workers:
        worker.start()
    stop_at[0] = time.perf_counter() + seconds
    start.wait()
    began = time.perf_counter()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    merged = sorted(latency for part in latencies for latency in part)
    p50 = merged[len(merged) // 2] * 1000 if merged else float("nan")
    p99 = merged[min(len(merged) - 1, int(len(merged) * 0.99))] * 1000 if merged else float("nan")
    return len(merged) / elapsed, p50, p99, sum(errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", action="append", default=[], help="name=url (repeatable; the first is the baseline)")
    parser.add_argument("--start-moto", action="store_true", help="start moto_server on a free port as the baseline")
    parser.add_argument("--start-emulator", metavar="JAR", help="start this emulator jar on a free port")
    parser.add_argument("--seconds", type=float, default=3.0)
    arguments = parser.parse_args()

    processes = []
    endpoints = []
    try:
        if arguments.start_moto:
            port = free_port()
            processes.append(subprocess.Popen([shutil.which("moto_server") or "moto_server", "-p", str(port)],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            endpoints.append(("moto", f"http://127.0.0.1:{port}"))
        if arguments.start_emulator:
            port = free_port()
            java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if "JAVA_HOME" in os.environ else "java"
            processes.append(subprocess.Popen([java, "-jar", arguments.start_emulator, "--port", str(port)],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            endpoints.append(("emulator", f"http://127.0.0.1:{port}"))
        for endpoint in arguments.endpoint:
            name, url = endpoint.split("=", 1)
            endpoints.append((name, url))
        if not endpoints:
            parser.error("no endpoint: give --endpoint, --start-moto or --start-emulator")
        for _, url in endpoints:
            wait_until_up(url + "/")

        results = {}
        tables = {name: create_table(url) for name, url in endpoints}
        print(f"{'operation':<20}{'threads':>8}" + "".join(f"{name + ' ops/s':>18}{'p50 ms':>9}{'p99 ms':>9}" for name, _ in endpoints)
              + "".join(f"{name + '/' + endpoints[0][0]:>20}" for name, _ in endpoints[1:]))
        for operation in OPERATIONS:
            for threads in THREADS:
                row = f"{operation:<20}{threads:>8}"
                for name, url in endpoints:
                    rate, p50, p99, errors = run(url, tables[name], operation, threads, arguments.seconds)
                    results[(name, operation, threads)] = rate
                    row += f"{rate:>18,.0f}{p50:>9.2f}{p99:>9.2f}" + (f" ({errors} errors)" if errors else "")
                baseline = results[(endpoints[0][0], operation, threads)]
                for name, _ in endpoints[1:]:
                    row += f"{results[(name, operation, threads)] / baseline:>19.1f}x"
                print(row, flush=True)
    finally:
        for process in processes:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


if __name__ == "__main__":
    sys.exit(main())
