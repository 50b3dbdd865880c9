# Singr: one image for both programs and the migration Job.
#   dotnet Singr.Api.dll   the front end (the entrypoint): Singr__Cluster__Role=api in Kubernetes, silo+api for one machine
#   dotnet Singr.Silo.dll  an Orleans silo (k8s/silo-deployment.yaml sets this as the container command)
#   either with --migrate-only: apply the database migrations and exit (k8s/migrate-job.yaml)
# Build from the repository root:
#   docker build -t REGISTRY/singr:TAG .
# The build needs nuget.org. The published apps are framework-dependent and portable (no apphost), so the same
# build runs on linux/amd64 and linux/arm64 (docker buildx build --platform linux/amd64,linux/arm64 ...).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The whole repository (minus .dockerignore): Directory.Build.props and Directory.Packages.props apply to every
# project, and sql/*.sql is embedded into Singr.Silo at build time.
COPY . .
# Both programs into one folder: Singr.Api references Singr.Silo, so every assembly the silo needs is also the front
# end's, at the same or a higher version. The silo is published first and the front end second, so a shared
# dependency ends up at the front end's version, which is the one both resolve to.
RUN dotnet publish Singr.Silo/Singr.Silo.csproj -c Release -o /app -p:UseAppHost=false \
 && dotnet publish Singr.Api/Singr.Api.csproj -c Release -o /app -p:UseAppHost=false \
 && test -f /app/Singr.Silo.runtimeconfig.json && test -f /app/Singr.Api.runtimeconfig.json

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# HTTP (API, /health/*, /metrics) on 8080 as all Singr manifests expect; HTTP_PORTS is cleared so the host does not
# warn that URLS overrides it. Silos also listen on 11111 (silo to silo) and 30000 (gateway for front ends).
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS=
COPY --from=build /app .
# Non-root: APP_UID (1654, user "app") is defined by the .NET base images. Numeric, so Kubernetes can verify
# runAsNonRoot. The application files stay owned by root and read-only to the app.
USER $APP_UID
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "Singr.Api.dll"]
