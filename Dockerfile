# Singr: one image for every role (silo, api, silo+api) and for the migration Job (--migrate-only).
# Build from the repository root:
#   docker build -t REGISTRY/singr:TAG .
# The build needs nuget.org. The published app is framework-dependent and portable (no apphost), so the same
# build runs on linux/amd64 and linux/arm64 (docker buildx build --platform linux/amd64,linux/arm64 ...).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The whole repository (minus .dockerignore): Directory.Build.props and Directory.Packages.props apply to every
# project, and sql/*.sql is embedded into Singr.Silo at build time.
COPY . .
RUN dotnet publish Singr.Api/Singr.Api.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Listen on 8080 as all Singr manifests expect. ASPNETCORE_URLS (not only the image's ASPNETCORE_HTTP_PORTS) also
# gives a silo without Singr__Silo__Address a usable advertised address (http://<hostname>:8080); HTTP_PORTS is
# cleared so the host does not warn that URLS overrides it.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS=
COPY --from=build /app .
# Non-root: APP_UID (1654, user "app") is defined by the .NET base images. Numeric, so Kubernetes can verify
# runAsNonRoot. The application files stay owned by root and read-only to the app.
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Singr.Api.dll"]
